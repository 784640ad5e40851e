package org.chorus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
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
