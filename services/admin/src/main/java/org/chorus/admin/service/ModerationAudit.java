package org.chorus.admin.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.admin.AuditEntry;
import org.chorus.admin.AuditKind;

/**
 * Puts moderator and administrator actions into the audit log, in the transaction of the action: who
 * ({@code actorId}), what (the kind and summary), the target and the reason. The entry's user is the
 * one the action concerns, so a user's page of the log shows what was done to them.
 */
@ApplicationScoped
public class ModerationAudit {

    private final AuditLog audit;

    ModerationAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Starts an entry; {@link Entry#record()} writes it. */
    public Entry entry(AuditKind kind, UUID actorId, UUID userId, String summary) {
        return new Entry(kind, actorId, userId, summary);
    }

    public final class Entry {
        private final AuditKind kind;
        private final UUID userId;
        private final String summary;
        private final Map<String, Object> details = new LinkedHashMap<>();

        private Entry(AuditKind kind, UUID actorId, UUID userId, String summary) {
            this.kind = kind;
            this.userId = userId;
            this.summary = summary;
            details.put("actorId", actorId == null ? null : actorId.toString());
        }

        public Entry with(String key, Object value) {
            if (value != null) {
                details.put(key, value instanceof UUID || value instanceof Instant ? value.toString() : value);
            }
            return this;
        }

        /** Needs the action's transaction: {@link AuditLog#record} refuses to run without one. */
        public void record() {
            audit.record(new AuditEntry(UUID.randomUUID(), Instant.now(), userId, kind, null, summary, details));
        }
    }
}
