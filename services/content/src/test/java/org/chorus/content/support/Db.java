package org.chorus.content.support;

import java.util.List;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Looks at the service's own tables, for tests that check what an event did. */
public final class Db {

    private Db() {
    }

    /** The number of rows of a count query, e.g. {@code select count(*) from content.post where ...}. */
    public static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    @SuppressWarnings("unchecked")
    public static List<Object> column(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return (List<Object>) query.getResultList();
        });
    }
}
