package org.chorus.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Test;

/** The tokens verify against the shipped public key exactly as a service would check them. */
class TestJwtTest {

    private final JwtConsumer verifier = new JwtConsumerBuilder()
            .setVerificationKey(publicKey())
            .setExpectedIssuer(TestJwt.ISSUER)
            .setRequireExpirationTime()
            .setRequireSubject()
            .build();

    @Test
    void aTokenCarriesWhatLoginPutsInOne() throws Exception {
        UUID user = UUID.randomUUID();
        JwtContext token = verifier.process(TestJwt.token(user, "ada", "user", "moderator"));
        JwtClaims claims = token.getJwtClaims();
        assertEquals(user.toString(), claims.getSubject());
        assertEquals("ada", claims.getClaimValueAsString("upn"));
        assertEquals(
                List.of("moderator", "user"),
                claims.getStringListClaimValue("groups").stream().sorted().toList());
        assertTrue(claims.hasClaim("sid"));
        assertEquals(
                600,
                claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        assertEquals("RS256", token.getJoseObjects().get(0).getAlgorithmHeaderValue());
        assertEquals(TestJwt.KEY_ID, token.getJoseObjects().get(0).getKeyIdHeaderValue());
    }

    @Test
    void expiredAndForeignTokensDoNotVerify() {
        UUID user = UUID.randomUUID();
        assertThrows(InvalidJwtException.class, () -> verifier.process(TestJwt.expired(user, "ada")));
        assertThrows(InvalidJwtException.class, () -> verifier.process(TestJwt.signedByOtherKey(user, "ada")));
    }

    private static PublicKey publicKey() {
        try (InputStream in = TestJwt.class.getClassLoader().getResourceAsStream(TestJwt.PUBLIC_KEY_LOCATION)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
