package org.chorus.login.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.chorus.login.config.JwtConfig;
import org.chorus.security.TokenPolicy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Re-asserts the deny-list from the database: every session revoked, and every account whose
 * tokens were voided, within the last access-token lifetime. Redis may have been down at revocation time, or flushed since; either way the gateway
 * must keep rejecting those tokens. Setting an existing entry again is harmless.
 */
@ApplicationScoped
class DenyListSync {

    private static final int MAX_PER_ROUND = 10_000;

    private final DenyList denyList;
    private final EntityManager entityManager;
    private final JwtConfig config;

    DenyListSync(DenyList denyList, EntityManager entityManager, JwtConfig config) {
        this.denyList = denyList;
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "${chorus.deny-list.sync-interval:30s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sync() {
        Instant since = Instant.now().minus(config.accessTokenLifetime()).minus(config.clockSkew())
                .minus(TokenPolicy.DENY_LIST_MARGIN);
        List<Object[]> revoked = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                        "select s.id, s.revokedAt from Session s where s.revokedAt > :since", Object[].class)
                .setParameter("since", since)
                .setMaxResults(MAX_PER_ROUND)
                .getResultList());
        for (Object[] row : revoked) {
            if (!denyList.denySession((UUID) row[0], (Instant) row[1])) {
                return; // Redis is away: the next round tries again
            }
        }
        List<Object[]> voided = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                        "select a.id, a.tokensInvalidBefore from Account a where a.tokensInvalidBefore > :since",
                        Object[].class)
                .setParameter("since", since)
                .setMaxResults(MAX_PER_ROUND)
                .getResultList());
        for (Object[] row : voided) {
            if (!denyList.denyUser((UUID) row[0], (Instant) row[1])) {
                return;
            }
        }
    }
}
