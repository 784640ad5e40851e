package org.chorus.events.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code role-revoked}: a role was taken from a user.
 * Key: userId.
 * @param role user, moderator or admin
 */
public record RoleRevoked(UUID userId, String role, UUID revokedBy, Instant revokedAt) {}
