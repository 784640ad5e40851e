package org.chorus.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One security event in the audit log.
 *
 * @param id         the CloudEvent id of the event, so a redelivery cannot be recorded twice
 * @param occurredAt the event's own time (failedAt, lockedAt, detectedAt, changedAt)
 * @param userId     whose account; null once the user was deleted
 * @param ip         the client address, when the event has one; null once the user was deleted
 * @param summary    a short sentence for people; never holds personal data, so erasure leaves it as it is
 * @param details    the payload's other fields; never anything secret (tokens, hashes, links)
 */
public record AuditEntry(
        UUID id,
        Instant occurredAt,
        UUID userId,
        AuditKind kind,
        String ip,
        String summary,
        Map<String, Object> details) {

    /** Keys of {@link #details} that identify a person: removed when the user is deleted. */
    public static final List<String> PERSONAL_DETAILS = List.of("email", "username", "userAgent");

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        details = details == null ? Map.of() : details;
    }

    /** The same entry with nothing left that points at the person: what erasure leaves of it. */
    public AuditEntry anonymised() {
        Map<String, Object> kept = new LinkedHashMap<>(details);
        PERSONAL_DETAILS.forEach(kept::remove);
        return new AuditEntry(id, occurredAt, null, kind, null, summary, kept);
    }
}
