package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code login-failed}: a login attempt on an existing account failed.
 * Key: userId.
 * @param reason bad-password, bad-second-factor or locked
 */
public record LoginFailed(UUID userId, String ip, String userAgent, String reason, Instant failedAt) {}
