package org.chorus.events.content;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code mention-created}: a user was mentioned in a post or a comment. One event per mentioned user who may see the post.
 * Key: mentionedUserId.
 * @param postId the post mentioning the user, or the post of the comment mentioning the user
 * @param commentId the comment mentioning the user; absent for a mention in the post itself
 * @param authorId who wrote the mention
 */
public record MentionCreated(UUID postId, UUID commentId, UUID authorId, UUID mentionedUserId, Instant createdAt) {}
