package org.chorus.events.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code user-suspended}: a moderator suspended (until a time) or banned (no end) a user.
 * Key: userId.
 * @param until end of the suspension; absent for a ban
 */
public record UserSuspended(UUID userId, String reason, Instant until, UUID moderatorId, Instant suspendedAt) {}
