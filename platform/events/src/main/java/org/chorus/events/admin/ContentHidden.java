package org.chorus.events.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code content-hidden}: a moderator hid a post or a comment.
 * Key: authorId.
 * @param targetKind post or comment
 * @param targetId the post or comment hidden
 * @param authorId author of the post or comment
 * @param sanctionId the hiding, a sanction the author may appeal
 * @param caseId the moderation case the hiding settled; absent when the moderator acted without one
 */
public record ContentHidden(
        String targetKind,
        UUID targetId,
        UUID authorId,
        String reason,
        UUID sanctionId,
        UUID caseId,
        UUID moderatorId,
        Instant hiddenAt) {}
