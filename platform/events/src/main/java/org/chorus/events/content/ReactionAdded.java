package org.chorus.events.content;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code reaction-added}: a user reacted to a post or a comment.
 * Key: userId (who reacted).
 * @param targetKind post or comment
 * @param targetId the post or comment reacted to
 * @param postId the post reacted to, or the post of the comment reacted to
 * @param targetAuthorId author of the post or comment reacted to
 * @param userId who reacted
 * @param reaction like, love, laugh, wow, sad or angry
 */
public record ReactionAdded(
        String targetKind,
        UUID targetId,
        UUID postId,
        UUID targetAuthorId,
        UUID userId,
        String reaction,
        Instant reactedAt) {}
