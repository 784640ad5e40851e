package org.chorus.events.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code role-granted}: a role (moderator or admin) was granted to a user. Produced by admin, and by
 * login for the first administrators named in configuration.
 * Key: userId.
 * @param role user, moderator or admin
 * @param grantedBy the admin who granted it; absent when the role was granted by configuration (login grants
 *                  admin to the first administrators named in {@code CHORUS_BOOTSTRAP_ADMINS})
 */
public record RoleGranted(UUID userId, String role, UUID grantedBy, Instant grantedAt) {}
