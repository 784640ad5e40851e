package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code user-updated}: the username or e-mail address of an account changed, or its e-mail was verified.
 * Key: userId.
 * @param username current username
 * @param email current e-mail address
 * @param previousEmail set when the e-mail address changed, so the old address can be told
 */
public record UserUpdated(
        UUID userId, String username, String email, String previousEmail, boolean emailVerified, Instant updatedAt) {}
