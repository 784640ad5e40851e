package org.chorus.events.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code report-resolved}: a moderation case was closed. One event per report of the case, for its reporter; it never names the moderator.
 * Key: reporterId.
 * @param targetKind post, comment or user
 * @param targetId the post, comment or user reported
 * @param outcome actioned (a sanction was imposed) or dismissed
 */
public record ReportResolved(
        UUID caseId,
        UUID reportId,
        UUID reporterId,
        String targetKind,
        UUID targetId,
        String outcome,
        Instant resolvedAt) {}
