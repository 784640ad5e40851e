package org.chorus.gateway.testing;

import java.time.Instant;
import java.util.UUID;

import org.chorus.testing.TestJwt;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Signing keys made for the tests, published by the fake login's JWKS, and tokens signed with them: unlike
 * chorus-testing's TestJwt, these let a test choose iat and add keys (rotation) while the gateway runs.
 */
public final class TestKeys {

    /** The same issuer as chorus-testing's TestJwt, so its tokens (the ones the services' tests use) pass too. */
    public static final String ISSUER = TestJwt.ISSUER;
    /** The key login "currently" signs with: in the fake JWKS from the start. */
    public static final RsaJsonWebKey LOGIN_KEY = generate("login-key-1");

    private TestKeys() {}

    /** chorus-testing's public key (the one TestJwt signs with) as a JWK, as login's JWKS would list it. */
    public static PublicJsonWebKey chorusTestingKey() {
        try {
            PublicJsonWebKey jwk =
                    PublicJsonWebKey.Factory.newPublicJwk(KeyUtils.readPublicKey(TestJwt.PUBLIC_KEY_LOCATION));
            jwk.setKeyId(TestJwt.KEY_ID);
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            return jwk;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static RsaJsonWebKey generate(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setUse("sig");
            key.setAlgorithm("RS256");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims as login issues them, for a new random user and session, valid for ten minutes from now. */
    public static JwtClaimsBuilder claims() {
        return claims(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                Instant.now().getEpochSecond());
    }

    public static JwtClaimsBuilder claims(String sub, String sid, long iat) {
        return Jwt.issuer(ISSUER)
                .subject(sub)
                .upn("user_" + sub.substring(0, 8))
                .groups("user")
                .claim("sid", sid)
                .claim("email_verified", true)
                .issuedAt(iat)
                .expiresAt(iat + 600);
    }

    public static String sign(JwtClaimsBuilder claims) {
        return sign(claims, LOGIN_KEY);
    }

    public static String sign(JwtClaimsBuilder claims, RsaJsonWebKey key) {
        return claims.jws().keyId(key.getKeyId()).sign(key.getRsaPrivateKey());
    }

    /** A valid access token of a new random user and session. */
    public static String validToken() {
        return sign(claims());
    }
}
