package org.chorus.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * What every Chorus service promises about access tokens: it accepts login's and nothing else. A service's
 * {@code @QuarkusTest} extends it with one endpoint that needs a token; every forged, altered, expired, foreign or
 * revoked token then gets 401 problem+json — and a control token made the same way is accepted, so each 401 is
 * caused by the one thing a test changes.
 *
 * <p>By default tokens are signed with {@link TestJwt}'s key (the service verifies with
 * {@link TestJwt#JWKS_LOCATION}) and revoked through {@link TestDenyList}; login, which signs and revokes itself,
 * overrides {@link #signer()}, {@link #subject()} and {@link #revokeSession}.
 */
public abstract class TokenAttackContract {

    /** A GET endpoint that needs a valid access token and answers it with a 2xx. */
    protected abstract String protectedPath();

    /** The roles the tokens carry (login's {@code groups}): what the endpoint needs. */
    protected List<String> groups() {
        return List.of("user");
    }

    /** Sends the request with this Authorization header value. */
    protected Response send(String authorization) {
        return given().header("Authorization", authorization).get(protectedPath());
    }

    /** Whose token: a user the service accepts tokens of. */
    protected Subject subject() {
        return new Subject(UUID.randomUUID(), "attack_" + UUID.randomUUID().toString().substring(0, 8),
                UUID.randomUUID().toString());
    }

    /** The key, kid and issuer login signs with (here: the test key the service trusts). */
    protected Signer signer() {
        return new Signer(TestJwt.privateKey(), TestJwt.publicKey(), TestJwt.KEY_ID, TestJwt.ISSUER);
    }

    /** Revokes the subject's session as login does (logout, revocation). */
    protected void revokeSession(Subject subject) {
        TestDenyList.denySession(subject.sid(), Instant.now(), Duration.ofMinutes(15));
    }

    /** Voids every token of the subject issued at or before {@code at} (suspension, deletion). */
    protected void revokeUser(Subject subject, Instant at) {
        TestDenyList.denyUser(subject.userId(), at, Duration.ofMinutes(15));
    }

    public record Subject(UUID userId, String username, String sid) {
    }

    public record Signer(PrivateKey privateKey, PublicKey publicKey, String kid, String issuer) {
    }

    // ---- the control: without it a 401 could mean anything ----

    @Test
    void aValidTokenIsAccepted() {
        accepted(sign(claims(subject(), Instant.now())));
    }

    @Test
    void everyVerifierUsesTheSharedClockSkew() {
        assertEquals(TestJwt.CLOCK_SKEW.toSeconds(),
                ConfigProvider.getConfig().getValue("mp.jwt.verify.clock.skew", Long.class),
                "mp.jwt.verify.clock.skew must stay platform/security's value");
    }

    // ---- altered tokens ----

    @Test
    void aTamperedPayloadIsRefused() {
        Subject subject = subject();
        String[] parts = sign(claims(subject, Instant.now())).split("\\.");
        JwtClaims forged = claims(subject, Instant.now());
        forged.setStringListClaim("groups", "user", "moderator", "admin", "superuser");
        refused(parts[0] + "." + base64(forged.toJson()) + "." + parts[2]);
        JwtClaims otherUser = claims(new Subject(UUID.randomUUID(), "someone", subject.sid()), Instant.now());
        refused(parts[0] + "." + base64(otherUser.toJson()) + "." + parts[2]);
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String token = sign(claims(subject(), Instant.now()));
        int last = token.length() - 5;
        char flipped = token.charAt(last) == 'A' ? 'B' : 'A';
        refused(token.substring(0, last) + flipped + token.substring(last + 1));
        refused(token.substring(0, token.lastIndexOf('.') + 1));
        refused(token.substring(0, token.lastIndexOf('.')));
    }

    @Test
    void algNoneIsRefusedInEverySpelling() {
        String payload = base64(claims(subject(), Instant.now()).toJson());
        String signature = sign(claims(subject(), Instant.now())).split("\\.")[2];
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            String header = base64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + signer().kid() + "\"}");
            refused(header + "." + payload + ".");
            refused(header + "." + payload + "." + signature);
        }
    }

    @Test
    void hs256KeyedWithThePublicKeyIsRefused() {
        PublicKey publicKey = signer().publicKey();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        JwtClaims claims = claims(subject(), Instant.now());
        for (byte[] secret : List.of(publicKey.getEncoded(), pem.getBytes(StandardCharsets.US_ASCII))) {
            refused(hmac(claims, secret, signer().kid()));
        }
    }

    // ---- keys the service does not trust ----

    @Test
    void anUnknownKidIsRefused() {
        refused(sign(claims(subject(), Instant.now()), signer().privateKey(), "no-such-key"));
        refused(sign(claims(subject(), Instant.now()), TestJwt.otherPrivateKey(), "no-such-key"));
        refused(sign(claims(subject(), Instant.now()), TestJwt.otherPrivateKey(), signer().kid()));
    }

    @Test
    void anInjectedKidIsRefused() {
        for (String kid : List.of("../../../../../../dev/null", "/etc/passwd", "' OR '1'='1", signer().kid() + "' --",
                "x\"; DROP TABLE keys; --", "http://127.0.0.1:1/key.pem", "")) {
            refused(sign(claims(subject(), Instant.now()), TestJwt.otherPrivateKey(), kid));
            // the /dev/null trick: an all-zero HMAC key, which a key lookup by path might hand out
            refused(hmac(claims(subject(), Instant.now()), new byte[32], kid));
        }
    }

    @Test
    void anEmbeddedJwkIsRefused() throws Exception {
        PublicJsonWebKey attacker = PublicJsonWebKey.Factory.newPublicJwk(TestJwt.otherPublicKey());
        attacker.setKeyId(signer().kid());
        JsonWebSignature jws = jws(claims(subject(), Instant.now()), TestJwt.otherPrivateKey(), signer().kid());
        jws.setJwkHeader(attacker);
        refused(jws.getCompactSerialization());
    }

    @Test
    void aJkuOrX5uPointingElsewhereIsRefused() throws Exception {
        for (String header : List.of("jku", "x5u")) {
            JsonWebSignature jws = jws(claims(subject(), Instant.now()), TestJwt.otherPrivateKey(), "attacker-key");
            jws.setHeader(header, "http://127.0.0.1:1/.well-known/jwks.json");
            refused(jws.getCompactSerialization());
        }
    }

    // ---- time ----

    @Test
    void aTokenExpiredPastTheClockSkewIsRefused() {
        Instant expired = Instant.now().minus(TestJwt.CLOCK_SKEW).minusSeconds(15);
        refused(sign(claims(subject(), expired.minusSeconds(600), expired)));
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsStillAccepted() {
        // the window the deny-list must cover: if this is refused, the skew has shrunk; if the test above is
        // accepted, it has grown — either way it no longer matches login's deny-list entries
        Instant expired = Instant.now().minus(TestJwt.CLOCK_SKEW).plusSeconds(15);
        accepted(sign(claims(subject(), expired.minusSeconds(600), expired)));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        JwtClaims claims = claims(subject(), Instant.now());
        claims.setNotBefore(NumericDate.fromSeconds(Instant.now().plus(TestJwt.CLOCK_SKEW).plusSeconds(60).getEpochSecond()));
        refused(sign(claims));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        JwtClaims claims = claims(subject(), Instant.now());
        claims.setIssuer("https://attacker.example");
        refused(sign(claims));
        JwtClaims none = claims(subject(), Instant.now());
        none.unsetClaim("iss");
        refused(sign(none));
    }

    // ---- revocation ----

    @Test
    void aTokenOfARevokedSessionIsRefused() {
        Subject subject = subject();
        String token = sign(claims(subject, Instant.now()));
        accepted(token);
        revokeSession(subject);
        refused(token);
    }

    @Test
    void aRevokedTokenStaysRefusedAfterItsExpiryWithinTheSkew() {
        Subject subject = subject();
        Instant expired = Instant.now().minusSeconds(5);
        String token = sign(claims(subject, expired.minusSeconds(600), expired));
        accepted(token);
        revokeSession(subject);
        refused(token);
    }

    @Test
    void tokensIssuedBeforeAUserWasRevokedAreRefusedLaterOnesAccepted() {
        Subject subject = subject();
        Instant now = Instant.now();
        String before = sign(claims(subject, now.minusSeconds(60)));
        String after = sign(claims(subject, now));
        revokeUser(subject, now.minusSeconds(30));
        refused(before);
        accepted(after);
    }

    // ---- helpers ----

    protected final void accepted(String token) {
        Response response = send("Bearer " + token);
        assertTrue(response.statusCode() >= 200 && response.statusCode() < 300,
                () -> "a valid token was refused: " + response.statusCode() + " " + response.asString());
    }

    protected final void refused(String token) {
        Response response = send("Bearer " + token);
        assertEquals(401, response.statusCode(), () -> "accepted or mis-answered: " + token + " → " + response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), () -> "not problem+json: "
                + response.contentType());
    }

    protected JwtClaims claims(Subject subject, Instant issuedAt) {
        return claims(subject, issuedAt, issuedAt.plusSeconds(600));
    }

    protected JwtClaims claims(Subject subject, Instant issuedAt, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(signer().issuer());
        claims.setSubject(subject.userId().toString());
        claims.setClaim("upn", subject.username());
        claims.setStringListClaim("groups", groups());
        claims.setClaim("sid", subject.sid());
        claims.setClaim("email_verified", true);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    private String sign(JwtClaims claims) {
        return sign(claims, signer().privateKey(), signer().kid());
    }

    private static String sign(JwtClaims claims, PrivateKey key, String kid) {
        try {
            return jws(claims, key, kid).getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonWebSignature jws(JwtClaims claims, Key key, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws;
    }

    /** HS256 computed by hand, so no library's key-length rules stand in the way of the forgery. */
    private static String hmac(JwtClaims claims, byte[] secret, String kid) {
        try {
            String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid.replace("\"", "\\\"") + "\"}");
            String input = header + "." + base64(claims.toJson());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
