package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code email-verification-requested}: private: carries a single-use link that verifies an e-mail address. Read only by notifications.
 * Key: userId.
 * @param link single-use verification link
 */
public record EmailVerificationRequested(UUID userId, String email, String username, String link, Instant expiresAt) {}
