package org.chorus.login.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.login.config.JwtConfig;
import org.chorus.login.service.DenyList;
import org.chorus.security.DenyListKeys;
import org.chorus.security.TokenPolicy;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The entries login writes outlive every verifier's acceptance of the tokens they deny: the Redis TTL of a fresh
 * entry covers the token lifetime plus the clock skew that login, the services and the gateway share (issue 15:
 * an entry sized for a 30 s skew against verifiers allowing 60 s let revoked tokens back in).
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DenyListLifetimeTest {

    @Inject
    DenyList denyList;

    @Inject
    JwtConfig config;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "mp.jwt.verify.clock.skew")
    long sharedSkewSeconds;

    @Test
    void anEntryIsWrittenOnlyOnceItsTransactionHasCommitted() {
        UUID sid = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String sessionKey = DenyListKeys.sessionKey(sid.toString());
        String userKey = DenyListKeys.userKey(user.toString());
        QuarkusTransaction.begin();
        denyList.denySessionAfterCommit(sid, Instant.now());
        denyList.denyUserAfterCommit(user, Instant.now());
        assertFalse(redis.key().exists(sessionKey), "not before the commit");
        QuarkusTransaction.rollback();
        assertFalse(redis.key().exists(sessionKey), "a rolled-back revocation denies nothing");
        assertFalse(redis.key().exists(userKey), "a rolled-back suspension denies nothing");
        QuarkusTransaction.begin();
        denyList.denySessionAfterCommit(sid, Instant.now());
        denyList.denyUserAfterCommit(user, Instant.now());
        QuarkusTransaction.commit();
        assertTrue(redis.key().exists(sessionKey), "the commit wrote the session's entry");
        assertTrue(redis.key().exists(userKey), "the commit wrote the user's entry");
    }

    @Test
    void loginVerifiesWithTheSharedSkew() {
        assertEquals(TokenPolicy.CLOCK_SKEW, config.clockSkew());
        assertEquals(TokenPolicy.CLOCK_SKEW.toSeconds(), sharedSkewSeconds);
        assertEquals(TestJwt.CLOCK_SKEW, config.clockSkew());
    }

    @Test
    void aSessionEntryLivesPastTheLastMomentAnyVerifierAcceptsItsTokens() {
        UUID sid = UUID.randomUUID();
        assertTrue(denyList.denySession(sid, Instant.now()));
        long ttl = redis.key().ttl(DenyListKeys.sessionKey(sid.toString()));
        Duration window = config.accessTokenLifetime().plusSeconds(sharedSkewSeconds);
        assertTrue(
                ttl >= window.plus(TokenPolicy.DENY_LIST_MARGIN).toSeconds() - 1,
                "TTL " + ttl + " s, acceptance window " + window.toSeconds() + " s");
    }

    @Test
    void aUserEntryWrittenLateStillCoversTheWindowFromTheRevocation() {
        UUID user = UUID.randomUUID();
        // the sync job re-asserting a revocation of 9 minutes ago
        Instant revokedAt = Instant.now().minus(Duration.ofMinutes(9));
        assertTrue(denyList.denyUser(user, revokedAt));
        long ttl = redis.key().ttl(DenyListKeys.userKey(user.toString()));
        Instant lastAccepted = revokedAt.plus(config.accessTokenLifetime()).plusSeconds(sharedSkewSeconds);
        assertTrue(
                Instant.now().plusSeconds(ttl + 1).isAfter(lastAccepted.plus(TokenPolicy.DENY_LIST_MARGIN)),
                "TTL " + ttl + " s ends before " + lastAccepted);
        assertEquals(
                Long.toString(revokedAt.getEpochSecond()),
                redis.value(String.class).get(DenyListKeys.userKey(user.toString())));
    }
}
