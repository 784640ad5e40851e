package org.chorus.events.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code user-reinstated}: a suspension or ban was lifted.
 * Key: userId.
 */
public record UserReinstated(UUID userId, UUID moderatorId, Instant reinstatedAt) {}
