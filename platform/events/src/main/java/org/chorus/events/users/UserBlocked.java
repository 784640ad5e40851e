package org.chorus.events.users;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code user-blocked}: a user blocked another; both are hidden from each other everywhere.
 * Key: blockerId.
 */
public record UserBlocked(UUID blockerId, UUID blockedId, Instant blockedAt) {}
