package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code email-change-requested}: private: carries a single-use link, sent to the new address, that confirms an e-mail change.
 * Key: userId.
 * @param link single-use confirmation link
 */
public record EmailChangeRequested(UUID userId, String newEmail, String username, String link, Instant expiresAt) {}
