package org.chorus.notifications.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.notifications.DeliveryStatus;
import org.chorus.web.KeysetCursor;
import org.chorus.web.Slice;
import org.chorus.web.Timestamps;

/**
 * Reads the delivery log for administrators, newest first, one bounded page at a time (keyset
 * pagination on created_at and id, so a page costs the same however deep it is).
 *
 * <p>The stored template data is deliberately not part of the view: it holds one-time links
 * (password reset, login) that must not be readable by anyone but their owner.
 */
@ApplicationScoped
public class DeliveryLog {

    private final EntityManager entityManager;

    DeliveryLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Delivery(
            UUID id,
            String eventId,
            String kind,
            String recipient,
            DeliveryStatus status,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant sentAt,
            String lastError) {}

    /**
     * @param status    only deliveries in this state, or all when null
     * @param recipient only deliveries to this address (exact, case-insensitive), or all when null
     * @param after     the position returned with the previous page, or null for the first page
     */
    @Transactional
    public Slice<Delivery> list(DeliveryStatus status, String recipient, KeysetCursor after, int limit) {
        // only the filters asked for are in the SQL: no untyped null parameters for the driver to guess
        StringBuilder sql = new StringBuilder("""
                select id, event_id, kind, recipient, status, attempts, created_at, next_attempt_at,
                    sent_at, last_error
                from {h-schema}delivery where true""");
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (recipient != null) {
            sql.append(" and lower(recipient) = lower(:recipient)");
        }
        if (after != null) {
            sql.append(" and (created_at, id) < (:afterAt, :afterId)");
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (recipient != null) {
            query.setParameter("recipient", recipient);
        }
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        List<Delivery> rows = ((List<?>) query.getResultList())
                .stream()
                        .map(r -> (Object[]) r)
                        .map(r -> new Delivery(
                                (UUID) r[0],
                                (String) r[1],
                                (String) r[2],
                                (String) r[3],
                                DeliveryStatus.valueOf((String) r[4]),
                                ((Number) r[5]).intValue(),
                                Timestamps.instant(r[6]),
                                Timestamps.instant(r[7]),
                                Timestamps.instant(r[8]),
                                (String) r[9]))
                        .toList();
        return Slice.of(rows, limit, last -> new KeysetCursor(last.createdAt(), last.id()));
    }
}
