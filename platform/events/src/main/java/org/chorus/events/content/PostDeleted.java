package org.chorus.events.content;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code post-deleted}: a post was deleted.
 * Key: authorId.
 */
public record PostDeleted(UUID postId, UUID authorId, Instant deletedAt) {}
