package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code login-link-requested}: private: carries a single-use passwordless login link. Read only by notifications.
 * Key: userId.
 * @param link single-use login link
 */
public record LoginLinkRequested(UUID userId, String email, String username, String link, Instant expiresAt) {}
