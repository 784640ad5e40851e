package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code user-created}: an account was created by sign-up.
 * Key: userId.
 * @param userId the new account
 * @param username lower-case, unique
 * @param email normalised e-mail address
 */
public record UserCreated(UUID userId, String username, String email, Instant createdAt) {}
