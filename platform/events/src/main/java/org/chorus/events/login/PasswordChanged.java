package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code password-changed}: the password of an account was changed or reset; other sessions were revoked.
 * Key: userId.
 * @param email where to tell the owner
 */
public record PasswordChanged(UUID userId, String email, String username, Instant changedAt) {}
