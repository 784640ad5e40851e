package org.chorus.events.content;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code comment-created}: a user commented on a post, or replied to a comment.
 * Key: authorId.
 * @param postAuthorId author of the post commented on
 * @param authorId author of the comment
 * @param parentCommentId the comment replied to; absent for a comment on the post itself
 * @param parentAuthorId author of the comment replied to; absent for a comment on the post itself
 */
public record CommentCreated(
        UUID commentId,
        UUID postId,
        UUID postAuthorId,
        UUID authorId,
        UUID parentCommentId,
        UUID parentAuthorId,
        String text,
        Instant createdAt) {}
