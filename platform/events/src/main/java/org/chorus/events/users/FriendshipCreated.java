package org.chorus.events.users;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code friendship-created}: a friend request was accepted. userId is the one who accepted.
 * Key: userId.
 */
public record FriendshipCreated(UUID userId, UUID friendId, Instant createdAt) {}
