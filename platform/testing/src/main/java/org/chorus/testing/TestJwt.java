package org.chorus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens shaped exactly like login's (docs/architecture.md), signed with a test-only key.
 * A service under test verifies them with
 * {@code %test.mp.jwt.verify.publickey.location=chorus-testing/jwt-public.pem} and
 * {@code %test.mp.jwt.verify.issuer=https://chorus.test}.
 */
public final class TestJwt {

    public static final String ISSUER = "https://chorus.test";
    public static final String PUBLIC_KEY_LOCATION = "chorus-testing/jwt-public.pem";
    public static final String KEY_ID = "chorus-test-key";
    /**
     * The same keys as {@link #PUBLIC_KEY_LOCATION}, as a JWKS with kid {@value #KEY_ID} — as services see
     * login's keys in production, so a token naming another kid is refused in tests too.
     */
    public static final String JWKS_LOCATION = "chorus-testing/jwks.json";
    /**
     * The clock skew every Chorus verifier allows (platform/security's {@code TokenPolicy.CLOCK_SKEW}, the
     * {@code mp.jwt.verify.clock.skew} it ships; platform/security's ClockSkewAgreementTest keeps them equal).
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final PrivateKey KEY = load("chorus-testing/jwt-private.pem");
    private static final PrivateKey OTHER_KEY = load("chorus-testing/other-private.pem");

    private TestJwt() {
    }

    public static String token(UUID userId, String username, String... groups) {
        return withSid(userId, username, UUID.randomUUID().toString(), groups);
    }

    public static String withSid(UUID userId, String username, String sid, String... groups) {
        return claims(userId, username, sid, groups, Instant.now()).jws().keyId(KEY_ID).sign(KEY);
    }

    public static String expired(UUID userId, String username) {
        Instant issued = Instant.now().minusSeconds(3600);
        return claims(userId, username, UUID.randomUUID().toString(), new String[0], issued)
                .expiresAt(issued.plusSeconds(600)).jws().keyId(KEY_ID).sign(KEY);
    }

    public static String signedByOtherKey(UUID userId, String username) {
        return claims(userId, username, UUID.randomUUID().toString(), new String[0], Instant.now())
                .jws().keyId(KEY_ID).sign(OTHER_KEY);
    }

    /** The key that signs every token above (test-only; for building tokens a test needs, e.g. forged ones). */
    public static PrivateKey privateKey() {
        return KEY;
    }

    public static PublicKey publicKey() {
        return publicOf(KEY);
    }

    /** A key no Chorus service trusts: an attacker's. */
    public static PrivateKey otherPrivateKey() {
        return OTHER_KEY;
    }

    public static PublicKey otherPublicKey() {
        return publicOf(OTHER_KEY);
    }

    private static PublicKey publicOf(PrivateKey key) {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(UUID userId, String username, String sid, String[] groups, Instant issued) {
        return Jwt.issuer(ISSUER)
                .subject(userId.toString())
                .upn(username)
                .groups(groups.length == 0 ? Set.of("user") : Set.of(groups))
                .claim("sid", sid)
                .claim("email_verified", true)
                .issuedAt(issued)
                .expiresAt(issued.plusSeconds(600));
    }

    private static PrivateKey load(String resource) {
        try (InputStream in = TestJwt.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
