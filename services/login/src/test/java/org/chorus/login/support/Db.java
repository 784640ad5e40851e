package org.chorus.login.support;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Moves stored times into the past, so tests need not wait for timeouts. */
@ApplicationScoped
public class Db {

    private final EntityManager entityManager;

    Db(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void sql(String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    public void ageRotations(UUID sessionId, String interval) {
        sql(
                "update refresh_token set rotated_at = rotated_at - cast(?1 as interval) "
                        + "where session_id = ?2 and rotated_at is not null",
                interval,
                sessionId);
    }

    public Object single(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        });
    }
}
