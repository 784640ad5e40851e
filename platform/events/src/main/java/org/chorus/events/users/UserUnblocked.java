package org.chorus.events.users;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code user-unblocked}: a block was lifted.
 * Key: blockerId.
 */
public record UserUnblocked(UUID blockerId, UUID blockedId, Instant unblockedAt) {}
