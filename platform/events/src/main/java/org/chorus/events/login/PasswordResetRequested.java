package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code password-reset-requested}: private: carries a single-use password reset link. Read only by notifications.
 * Key: userId.
 * @param link single-use reset link
 */
public record PasswordResetRequested(UUID userId, String email, String username, String link, Instant expiresAt) {}
