package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code user-active}: a user logged in or refreshed a session; login publishes at most one per user per
 * UTC day (the first), so the events of a day count its active users.
 * Key: userId.
 * @param activeAt when the login or refresh happened; its UTC day is the day the user was active
 */
public record UserActive(UUID userId, Instant activeAt) {}
