package org.chorus.events.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code role-granted}: a role (moderator or admin) was granted to a user.
 * Key: userId.
 * @param role user, moderator or admin
 */
public record RoleGranted(
        UUID userId,
        String role,
        UUID grantedBy,
        Instant grantedAt) {
}
