package org.chorus.login.service;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.chorus.login.SigningKey;
import org.chorus.login.config.JwtConfig;
import org.chorus.testing.ChorusInfrastructureResource;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SigningKeysTest {

    @Inject
    SigningKeys keys;

    @Inject
    JwtConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    AccessTokens accessTokens;

    @Test
    void theSigningKeyIsPersistedAndAFreshInstanceLoadsTheSameOne() {
        String kid = keys.signing().kid();
        String persisted = QuarkusTransaction.requiringNew()
                .call(() ->
                        SigningKey.<SigningKey>find("state", SigningKey.CURRENT).singleResult().kid);
        assertEquals(kid, persisted, "the key in use is the persisted current key");

        // what a restarted service (or another replica) does: nothing in memory, read from the schema
        SigningKeys restarted = new SigningKeys(config, entityManager);
        assertEquals(kid, restarted.signing().kid());
        assertEquals(keys.signing().privateKey(), restarted.signing().privateKey());
    }

    @Test
    void theKidIsTheRfc7638ThumbprintOfThePublicKey() {
        SigningKeys.Signing signing = keys.signing();
        assertEquals(signing.kid(), RsaKeys.kid(RsaKeys.publicOf(signing.privateKey())));
    }

    @Test
    void conscryptSignsWhereItLoadsAndItsSignatureIsTheJdksToTheByte() throws Exception {
        assertEquals(
                Conscrypt.isAvailable() ? "Conscrypt" : "SunRsaSign",
                keys.signing().provider(),
                "native signing is on by default and falls back to the JDK only where Conscrypt cannot load");

        String token = accessTokens.issue(
                new AccessTokens.Subject(UUID.randomUUID(), "signer", List.of("user"), true, null), UUID.randomUUID());
        String[] parts = token.split("\\.");
        // the JDK's own RSA, with the persisted key read afresh, over the token's signing input
        byte[] pkcs8 = QuarkusTransaction.requiringNew()
                .call(() ->
                        SigningKey.<SigningKey>find("state", SigningKey.CURRENT).singleResult().privateKey);
        PrivateKey jdkKey = KeyFactory.getInstance("RSA", "SunRsaSign").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        jdk.initSign(jdkKey);
        jdk.update((parts[0] + "." + parts[1]).getBytes(US_ASCII));
        assertArrayEquals(
                jdk.sign(),
                Base64.getUrlDecoder().decode(parts[2]),
                "RSASSA-PKCS1-v1_5 is deterministic: whichever provider signs, the token is the same");
    }

    @Test
    void withNativeSigningOffTheJdkSigns() {
        assertEquals("SunRsaSign", Rs256Provider.select(false).name());
    }
}
