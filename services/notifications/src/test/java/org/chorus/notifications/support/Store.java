package org.chorus.notifications.support;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads and ages notifications' own tables straight from the database, to check what the service did. */
@ApplicationScoped
public class Store {

    private final EntityManager entityManager;

    Store(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    public int update(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        });
    }

    public long notifications(UUID userId) {
        return count("select count(*) from notifications.notification where user_id = ?1", userId);
    }

    public boolean related(UUID userId, UUID otherId, String kind) {
        return count(
                        "select count(*) from notifications.relation where user_id = ?1 and other_id = ?2 and kind = ?3",
                        userId,
                        otherId,
                        kind)
                == 1;
    }

    /** The event was handled by notifications (the inbox committed it). */
    public boolean handled(String eventId) {
        return count("select count(*) from notifications.handled_event where event_id = ?1", eventId) > 0;
    }

    public boolean member(UUID userId) {
        return count("select count(*) from notifications.member where id = ?1", userId) == 1;
    }

    public List<String> kinds(UUID userId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "select kind from notifications.notification where user_id = ?1 order by seq",
                                String.class)
                        .setParameter(1, userId)
                        .getResultList());
    }
}
