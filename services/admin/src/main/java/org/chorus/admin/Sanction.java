package org.chorus.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * A sanction imposed on a user.
 *
 * @param until       the end of a suspension; null for every other action (a ban never ends by itself)
 * @param targetKind  post or comment, for a hiding; null otherwise
 * @param state       active, lifted (by a moderator or an overturned appeal) or expired (a suspension's end)
 */
public record Sanction(UUID id, UUID userId, String action, String reason, Instant until, String targetKind,
                       UUID targetId, UUID caseId, UUID moderatorId, Instant issuedAt, String state, Instant endedAt,
                       Instant appealDeadline) {

    public static final String ACTIVE = "active";
    public static final String LIFTED = "lifted";
    public static final String EXPIRED = "expired";
}
