package org.chorus.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.chorus.gateway.testing.TestKeys;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class AuthenticationTest {

    @Test
    void publicPathsNeedNoToken() {
        given().contentType("application/json").body("{}").post("/api/auth/login")
                .then().statusCode(200).body("upstream", is("login"));
        given().get("/api/auth/jwks").then().statusCode(200);
        given().get("/api/users/" + UUID.randomUUID() + "/avatar")
                .then().statusCode(200).body("upstream", is("users"));
        given().get("/api/pages/about").then().statusCode(200).body("upstream", is("content"));
    }

    @Test
    void aStaleTokenDoesNotBlockThePublicAuthPaths() {
        // e.g. a client refreshing with its expired access token still attached
        given().auth().oauth2("not-a-token").contentType("application/json").body("{}").post("/api/auth/refresh")
                .then().statusCode(200).body("upstream", is("login"));
    }

    @Test
    void writingToPublicReadPathsNeedsAToken() {
        expectUnauthorized(given().contentType("application/json").body("{}").put("/api/pages/about").then());
        expectUnauthorized(given().body("png").put("/api/users/" + UUID.randomUUID() + "/avatar").then());
    }

    @Test
    void aProtectedPathWithoutTokenIs401AndNeverReachesTheService() {
        String path = "/api/friends/" + UUID.randomUUID();
        expectUnauthorized(given().get(path).then())
                .header("WWW-Authenticate", "Bearer")
                .body("detail", is("A bearer access token is required"));
        assertFalse(FakeUpstreams.received(path));
    }

    @Test
    void aValidTokenPasses() {
        given().auth().oauth2(TestKeys.validToken()).get("/api/users/me")
                .then().statusCode(200).body("upstream", is("users"));
    }

    @Test
    void theTokensTheServicesTestsUseWorkHereToo() {
        UUID user = UUID.randomUUID();
        given().auth().oauth2(TestJwt.token(user, "alice", "user")).get("/api/users/me")
                .then().statusCode(200).body("upstream", is("users"));
        expectUnauthorized(given().auth().oauth2(TestJwt.expired(user, "alice")).get("/api/users/me").then());
        expectUnauthorized(given().auth().oauth2(TestJwt.signedByOtherKey(user, "alice")).get("/api/users/me").then());
    }

    @Test
    void anExpiredTokenIs401() {
        long longAgo = Instant.now().getEpochSecond() - 3600;
        String expired = TestKeys.sign(TestKeys.claims(UUID.randomUUID().toString(), "s", longAgo));
        expectUnauthorized(given().auth().oauth2(expired).get("/api/users/me").then())
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void aTamperedTokenIs401() {
        String[] parts = TestKeys.validToken().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("\"user\"", "\"admin\"").getBytes());
        String path = "/api/admin/" + UUID.randomUUID();
        expectUnauthorized(given().auth().oauth2(parts[0] + "." + forged + "." + parts[2]).get(path).then());
        assertFalse(FakeUpstreams.received(path));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        String other = TestKeys.sign(TestKeys.claims().issuer("https://someone-else.example"));
        expectUnauthorized(given().auth().oauth2(other).get("/api/users/me").then());
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderLoginsKidIs401() {
        RsaJsonWebKey impostor = TestKeys.generate(TestKeys.LOGIN_KEY.getKeyId());
        expectUnauthorized(given().auth().oauth2(TestKeys.sign(TestKeys.claims(), impostor)).get("/api/feed").then());
    }

    @Test
    void aTokenWithAKidLoginNeverPublishedIs401() {
        RsaJsonWebKey unknown = TestKeys.generate("never-published-" + UUID.randomUUID());
        expectUnauthorized(given().auth().oauth2(TestKeys.sign(TestKeys.claims(), unknown)).get("/api/feed").then());
    }

    @Test
    void aNewKeyLoginPublishesIsFetchedWhenATokenNamesIt() {
        RsaJsonWebKey rotated = TestKeys.generate("rotated-" + UUID.randomUUID());
        String token = TestKeys.sign(TestKeys.claims(), rotated);
        FakeUpstreams.publishKey(rotated);
        given().auth().oauth2(token).get("/api/feed").then().statusCode(200).body("upstream", is("content"));
        // the old key still works too
        given().auth().oauth2(TestKeys.validToken()).get("/api/feed").then().statusCode(200);
    }

    @Test
    void unsignedAndSymmetricTokensAre401() {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"alg\":\"none\",\"kid\":\"" + TestKeys.LOGIN_KEY.getKeyId() + "\"}").getBytes());
        String none = header + "." + TestKeys.validToken().split("\\.")[1] + ".";
        expectUnauthorized(given().auth().oauth2(none).get("/api/feed").then());
        String hmac = TestKeys.claims().jws().keyId(TestKeys.LOGIN_KEY.getKeyId())
                .signWithSecret("a-secret-that-is-long-enough-for-hs256-0123456789");
        expectUnauthorized(given().auth().oauth2(hmac).get("/api/feed").then());
    }

    @Test
    void garbageAndOtherSchemesAre401() {
        expectUnauthorized(given().auth().oauth2("abc").get("/api/feed").then());
        expectUnauthorized(given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/feed").then());
        expectUnauthorized(given().header("Authorization", "Bearer ").get("/api/feed").then());
        expectUnauthorized(given().auth().oauth2("x".repeat(9000)).get("/api/feed").then());
    }

    private static ValidatableResponse expectUnauthorized(ValidatableResponse response) {
        return response.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", is("https://chorus.dev/problems/unauthorized"))
                .body("title", is("Unauthorized"))
                .body("status", is(401));
    }
}
