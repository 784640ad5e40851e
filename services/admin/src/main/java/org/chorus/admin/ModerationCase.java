package org.chorus.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A moderation case: every report on one target (a post, a comment or a user) while the case is open.
 *
 * @param targetAuthorId the author of the post or comment, or the reported user: whom an action sanctions
 * @param reasons        the distinct reasons the reports gave
 */
public record ModerationCase(UUID id, String targetKind, UUID targetId, UUID targetAuthorId, String state,
                             int reportCount, List<String> reasons, Instant openedAt, Instant lastReportedAt,
                             UUID assigneeId, Instant closedAt, String closeReason, String action, UUID sanctionId) {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
    public static final String DISMISSED = "dismissed";

    public static final List<String> STATES = List.of(OPEN, RESOLVED, DISMISSED);
    public static final List<String> TARGET_KINDS = List.of("post", "comment", "user");
    /** The reasons content accepts for a report. */
    public static final List<String> REASONS =
            List.of("spam", "harassment", "hate", "violence", "sexual", "misinformation", "illegal", "other");

    /** One report of the case. reporterId is for moderators' eyes only (the resource leaves it out otherwise). */
    public record Report(UUID id, UUID reporterId, String reason, String comment, String snapshot, Instant reportedAt) {
    }

    public record Note(UUID id, UUID authorId, String text, Instant createdAt) {
    }
}
