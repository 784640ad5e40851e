package org.chorus.admin.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads (and for a few tests, changes) the audit tables straight in the database, to check what the service did. */
@ApplicationScoped
public class AuditRows {

    private static final String COLUMNS = "id, occurred_at, user_id, kind, ip, summary, cast(details as text)";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    AuditRows(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    public record Row(
            UUID id,
            Instant occurredAt,
            UUID userId,
            String kind,
            String ip,
            String summary,
            Map<String, Object> details) {}

    public Optional<Row> byId(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> rows(entityManager
                        .createNativeQuery("select " + COLUMNS + " from {h-schema}audit_entry where id = :id")
                        .setParameter("id", UUID.fromString(id))
                        .getResultList()))
                .stream()
                .findFirst();
    }

    /** The user's entries, newest first. */
    public List<Row> forUser(UUID userId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> rows(entityManager
                        .createNativeQuery("select " + COLUMNS + " from {h-schema}audit_entry where user_id = :userId "
                                + "order by occurred_at desc, id desc")
                        .setParameter("userId", userId)
                        .getResultList()));
    }

    public boolean erased(UUID userId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> !entityManager
                        .createNativeQuery("select 1 from {h-schema}erased_user where id = :id")
                        .setParameter("id", userId)
                        .getResultList()
                        .isEmpty());
    }

    /** As if the user had been erased at that time. */
    public void markErased(UUID userId, Instant erasedAt) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("insert into {h-schema}erased_user (id, erased_at) values (:id, :at)")
                        .setParameter("id", userId)
                        .setParameter("at", erasedAt)
                        .executeUpdate());
    }

    /** What the outbox's purge does to handled-event ids after chorus.outbox.retention. */
    public void forgetHandled(String eventId) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "delete from {h-schema}handled_event where consumer = 'admin' and event_id = :id")
                        .setParameter("id", eventId)
                        .executeUpdate());
    }

    private List<Row> rows(List<?> result) {
        return result.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Row(
                        (UUID) r[0],
                        instant(r[1]),
                        (UUID) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        map((String) r[6])))
                .toList();
    }

    private Map<String, Object> map(String text) {
        try {
            return json.readValue(text, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
