package org.chorus.events.users;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code user-muted}: a user muted another; only the muter stops seeing the muted user.
 * Key: muterId.
 */
public record UserMuted(UUID muterId, UUID mutedId, Instant mutedAt) {}
