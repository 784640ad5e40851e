package org.chorus.admin.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reads what the moderation services wrote straight from the database — the events in the outbox, cases,
 * sanctions, roles — and, for a few tests, moves a time into the past (an appeal window, a suspension's end).
 */
@ApplicationScoped
public class ModerationRows {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    ModerationRows(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The payloads of the events published to {@code topic} with this key, oldest first. */
    public List<Map<String, Object>> events(String topic, Object key) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select cast(payload as text) from {h-schema}outbox_event
                        where aggregatetype = :topic and aggregateid = :key order by created_at, id""")
                .setParameter("topic", topic).setParameter("key", key.toString()).getResultList());
        return rows.stream().map(r -> map((String) r)).toList();
    }

    /** Events published to {@code topic} whose payload has {@code field} = value. */
    public List<Map<String, Object>> eventsWith(String topic, String field, Object value) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select cast(payload as text) from {h-schema}outbox_event
                        where aggregatetype = :topic and payload ->> :field = :value order by created_at, id""")
                .setParameter("topic", topic).setParameter("field", field).setParameter("value", value.toString())
                .getResultList());
        return rows.stream().map(r -> map((String) r)).toList();
    }

    /** The open case of a target, or null. */
    public UUID openCase(String kind, UUID targetId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select id from {h-schema}moderation_case where target_kind = :kind and target_id = :id
                        and state = 'open'""").setParameter("kind", kind).setParameter("id", targetId).getResultList());
        return rows.isEmpty() ? null : (UUID) rows.get(0);
    }

    public int reportCount(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select report_count from {h-schema}moderation_case where id = :id").setParameter("id", caseId)
                .getSingleResult()).intValue());
    }

    public String sanctionState(UUID sanctionId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select state from {h-schema}sanction where id = :id").setParameter("id", sanctionId)
                .getSingleResult());
    }

    /** The stored appeal-code hash: what admin keeps instead of the code. */
    public byte[] codeHash(UUID sanctionId) {
        return QuarkusTransaction.requiringNew().call(() -> (byte[]) entityManager.createNativeQuery(
                "select appeal_code_hash from {h-schema}sanction where id = :id").setParameter("id", sanctionId)
                .getSingleResult());
    }

    /** As if the sanction had been imposed so long ago that its appeal window closed. */
    public void closeAppealWindow(UUID sanctionId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update {h-schema}sanction set appeal_deadline = now() - interval '1 minute' where id = :id")
                .setParameter("id", sanctionId).executeUpdate());
    }

    /** As if the suspension's time had come. */
    public void makeDue(UUID sanctionId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update {h-schema}sanction set until = now() - interval '1 second' where id = :id")
                .setParameter("id", sanctionId).executeUpdate());
    }

    /** Whether admin's role view has the role as granted. */
    public boolean holds(UUID userId, String role) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager.createNativeQuery(
                        "select 1 from {h-schema}user_role where user_id = :id and role = :role and granted")
                .setParameter("id", userId).setParameter("role", role).getResultList().isEmpty());
    }

    /** Revokes admin from everyone in admin's view (no events): for the last-admin rule's test only. */
    public void forgetAdmins() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from {h-schema}user_role where role = 'admin'").executeUpdate());
    }

    public boolean inDirectory(UUID userId) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager.createNativeQuery(
                "select 1 from {h-schema}directory_user where id = :id").setParameter("id", userId)
                .getResultList().isEmpty());
    }

    /** Whether admin's consumer has handled the event (its effect committed). */
    public boolean handled(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager.createNativeQuery(
                        "select 1 from {h-schema}handled_event where consumer = 'admin' and event_id = :id")
                .setParameter("id", eventId).getResultList().isEmpty());
    }

    private Map<String, Object> map(String text) {
        try {
            return json.readValue(text, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
