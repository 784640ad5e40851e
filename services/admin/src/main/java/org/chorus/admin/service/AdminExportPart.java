package org.chorus.admin.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.web.Timestamps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Admin's own part of a user's data export: the reports they filed, the sanctions imposed on them and their
 * appeals, their roles, and the audit entries about them. Other people stay out: no moderator ids, no reporters of
 * reports about the user, no other users' details.
 */
@ApplicationScoped
class AdminExportPart {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    AdminExportPart(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    byte[] of(UUID userId) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("service", "admin");
        part.put("userId", userId);
        part.put("reportsFiled", rows("""
                        select r.id, r.reason, r.comment, c.target_kind, c.target_id, r.reported_at
                        from {h-schema}report r join {h-schema}moderation_case c on c.id = r.case_id
                        where r.reporter_id = :id order by r.reported_at""", userId, "id", "reason", "comment", "targetKind", "targetId", "reportedAt"));
        part.put(
                "sanctions",
                rows(
                        """
                        select id, action, reason, until, target_kind, target_id, issued_at, state, ended_at,
                               appeal_deadline
                        from {h-schema}sanction where user_id = :id order by issued_at""",
                        userId,
                        "id",
                        "action",
                        "reason",
                        "until",
                        "targetKind",
                        "targetId",
                        "issuedAt",
                        "state",
                        "endedAt",
                        "appealDeadline"));
        part.put(
                "appeals",
                rows("""
                        select id, sanction_id, text, state, filed_at, decided_at, decision_reason
                        from {h-schema}appeal where user_id = :id order by filed_at""", userId, "id", "sanctionId", "text", "state", "filedAt", "decidedAt", "decisionReason"));
        part.put(
                "roles",
                rows(
                        "select role, changed_at from {h-schema}user_role where user_id = :id and granted order by role",
                        userId,
                        "role",
                        "grantedAt"));
        part.put("auditEntries", rows("""
                        select occurred_at, kind, summary, ip from {h-schema}audit_entry
                        where user_id = :id order by occurred_at""", userId, "occurredAt", "kind", "summary", "ip"));
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write admin's export part", e);
        }
    }

    private List<Map<String, Object>> rows(String sql, UUID userId, String... names) {
        @SuppressWarnings("unchecked")
        List<Object> rows =
                entityManager.createNativeQuery(sql).setParameter("id", userId).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object row : rows) {
            Object[] values = row instanceof Object[] a ? a : new Object[] {row};
            Map<String, Object> item = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                item.put(names[i], value(values[i]));
            }
            out.add(item);
        }
        return out;
    }

    /** timestamps as instants (ISO text in the JSON); ids, text and the rest as they are */
    private static Object value(Object value) {
        return value instanceof java.sql.Timestamp || value instanceof java.time.OffsetDateTime
                ? Timestamps.instant(value)
                : value;
    }
}
