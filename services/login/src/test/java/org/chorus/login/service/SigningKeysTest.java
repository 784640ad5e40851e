package org.chorus.login.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.chorus.login.SigningKey;
import org.chorus.login.config.JwtConfig;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class SigningKeysTest {

    @Inject
    SigningKeys keys;
    @Inject
    JwtConfig config;
    @Inject
    EntityManager entityManager;

    @Test
    void theSigningKeyIsPersistedAndAFreshInstanceLoadsTheSameOne() {
        String kid = keys.signing().kid();
        String persisted = QuarkusTransaction.requiringNew().call(() ->
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
}
