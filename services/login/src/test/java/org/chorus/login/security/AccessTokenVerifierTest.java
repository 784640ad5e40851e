package org.chorus.login.security;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.chorus.login.service.SigningKeys;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Jwts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Every token below belongs to a live session of a real account, and a control token minted the
 * same way is accepted — so each 401 is caused by the one thing the test changes.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AccessTokenVerifierTest {

    private static final String ISSUER = "http://localhost:8080";

    @Inject
    SigningKeys keys;

    private Accounts.SignedUp account;
    private String sid;
    private String realToken;

    @BeforeEach
    void liveSession() {
        account = Accounts.signUp();
        JsonPath tokens = account.login();
        realToken = tokens.getString("accessToken");
        sid = (String) Jwts.claims(realToken).get("sid");
    }

    private String mint(String issuer, Instant issuedAt, Instant expiresAt, PrivateKey key, String kid) {
        return Jwt.issuer(issuer)
                .subject(account.id().toString())
                .upn(account.username())
                .groups(Set.of("user"))
                .claim("sid", sid)
                .claim("email_verified", false)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .jws()
                .keyId(kid)
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key);
    }

    private String mintValid() {
        Instant now = Instant.now();
        return mint(
                ISSUER,
                now,
                now.plusSeconds(300),
                keys.signing().privateKey(),
                keys.signing().kid());
    }

    private static void assertRejected(String token) {
        given().auth()
                .oauth2(token)
                .get("/api/auth/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", endsWith("/unauthorized"));
    }

    @Test
    void aTokenMintedWithTheServiceKeyForALiveSessionIsAccepted() {
        given().auth()
                .oauth2(mintValid())
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(account.id().toString()));
        given().auth().oauth2(realToken).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRejected() {
        Instant past = Instant.now().minusSeconds(3600);
        assertRejected(mint(
                ISSUER,
                past,
                past.plusSeconds(600),
                keys.signing().privateKey(),
                keys.signing().kid()));
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() {
        Instant now = Instant.now();
        assertRejected(mint(
                "https://evil.example",
                now,
                now.plusSeconds(300),
                keys.signing().privateKey(),
                keys.signing().kid()));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejectedEvenWithTheRightKid() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey other = generator.generateKeyPair().getPrivate();
        Instant now = Instant.now();
        assertRejected(
                mint(ISSUER, now, now.plusSeconds(300), other, keys.signing().kid()));
        assertRejected(mint(ISSUER, now, now.plusSeconds(300), other, "some-other-kid"));
    }

    @Test
    void tokensOfTheSharedTestKeyAreNotTrustedByLogin() {
        // other services trust this key in their tests; login trusts nothing but its own keys
        assertRejected(TestJwt.withSid(account.id(), account.username(), sid));
        assertRejected(TestJwt.signedByOtherKey(account.id(), account.username()));
        assertRejected(TestJwt.expired(account.id(), account.username()));
    }

    @Test
    void aTamperedTokenIsRejected() {
        String[] parts = mintValid().split("\\.");
        Map<String, Object> claims = Jwts.claims(realToken);
        String forged = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + account.id() + "\",\"upn\":\"" + account.username()
                + "\",\"groups\":[\"user\",\"admin\"],\"sid\":\"" + sid + "\",\"iat\":" + claims.get("iat")
                + ",\"exp\":" + claims.get("exp") + ",\"jti\":\"x\"}";
        String payload =
                Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8));
        assertRejected(parts[0] + "." + payload + "." + parts[2]);
    }

    @Test
    void anUnsignedTokenIsRejected() {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = mintValid().split("\\.")[1];
        assertRejected(header + "." + payload + ".");
    }

    @Test
    void aRefreshTokenUsedAsAccessTokenIsRejected() {
        JsonPath tokens = account.login();
        assertRejected(tokens.getString("refreshToken"));
    }

    @Test
    void garbageIsRejected() {
        assertRejected("not.a.jwt");
        assertRejected("x");
    }
}
