package org.chorus.events.users;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code user-unmuted}: a mute was lifted.
 * Key: muterId.
 */
public record UserUnmuted(UUID muterId, UUID mutedId, Instant unmutedAt) {}
