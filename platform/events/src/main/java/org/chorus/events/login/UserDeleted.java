package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code user-deleted}: an account was deleted; every service erases or anonymises what it holds about the user.
 * Key: userId.
 */
public record UserDeleted(UUID userId, Instant deletedAt) {}
