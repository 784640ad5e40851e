package org.chorus.events.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code user-warned}: a moderator warned a user.
 * Key: userId.
 * @param sanctionId the warning, a sanction the user may appeal
 * @param caseId the moderation case the warning settled; absent when the moderator acted without one
 */
public record UserWarned(
        UUID userId, String reason, UUID sanctionId, UUID caseId, UUID moderatorId, Instant warnedAt) {}
