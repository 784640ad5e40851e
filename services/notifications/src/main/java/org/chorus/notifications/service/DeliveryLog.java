package org.chorus.notifications.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.notifications.DeliveryStatus;
import org.chorus.web.KeysetCursor;

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

    public record Page(List<Delivery> items, KeysetCursor next) {}

    /**
     * @param status    only deliveries in this state, or all when null
     * @param recipient only deliveries to this address (exact, case-insensitive), or all when null
     * @param after     the position returned with the previous page, or null for the first page
     */
    @Transactional
    public Page list(DeliveryStatus status, String recipient, KeysetCursor after, int limit) {
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
                                instant(r[6]),
                                instant(r[7]),
                                instant(r[8]),
                                (String) r[9]))
                        .toList();
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<Delivery> page = rows.subList(0, limit);
        Delivery last = page.get(limit - 1);
        return new Page(page, new KeysetCursor(last.createdAt(), last.id()));
    }

    /** The PostgreSQL driver hands timestamptz back as Instant, OffsetDateTime or Timestamp, by version. */
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
