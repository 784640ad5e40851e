package org.chorus.events.content;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code content-reported}: a user reported a post, a comment or a user to the moderators.
 * Key: targetAuthorId (for a user report: the reported user).
 * @param targetKind post, comment or user
 * @param targetId the post, comment or user reported
 * @param targetAuthorId author of the reported post or comment; for a user report, the reported user
 * @param reason spam, harassment, hate, violence, sexual, misinformation, illegal or other
 * @param comment the reporter's own words, at most 1000 characters; absent when none
 * @param snapshot the reported text as it was when reported, so a later edit cannot hide it; absent for a user report
 */
public record ContentReported(
        UUID reportId,
        String targetKind,
        UUID targetId,
        UUID targetAuthorId,
        UUID reporterId,
        String reason,
        String comment,
        String snapshot,
        Instant reportedAt) {}
