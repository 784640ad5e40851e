package org.chorus.content.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A comment as readers get it. {@code parentId} is null for a top-level comment, which carries the number of its
 * {@code replies}; a reply has 0 (one level of threading).
 */
public record CommentView(UUID id, UUID postId, UUID parentId, PostView.Author author, String text,
                          Instant createdAt, Instant editedAt, long replies, Map<String, Long> reactions,
                          String myReaction, boolean hidden) {
}
