package org.chorus.events.users;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code friendship-removed}: a friendship ended (unfriend, block or account deletion).
 * Key: userId.
 * @param userId the one who ended it
 */
public record FriendshipRemoved(UUID userId, UUID friendId, Instant removedAt) {}
