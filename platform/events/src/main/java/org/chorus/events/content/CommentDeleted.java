package org.chorus.events.content;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code comment-deleted}: a comment was deleted.
 * Key: authorId.
 * @param authorId author of the comment
 * @param deletedBy the user who deleted it; may differ from the author (e.g. the author of the post)
 */
public record CommentDeleted(UUID commentId, UUID postId, UUID authorId, UUID deletedBy, Instant deletedAt) {}
