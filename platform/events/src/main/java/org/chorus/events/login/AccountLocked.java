package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code account-locked}: too many failed logins; the account is locked until the given time.
 * Key: userId.
 * @param failures failed attempts counted
 */
public record AccountLocked(UUID userId, int failures, Instant lockedUntil, Instant lockedAt) {}
