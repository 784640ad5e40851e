package org.chorus.events.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code appeal-decided}: a moderator decided a user's appeal against a sanction.
 * Key: userId.
 * @param userId the sanctioned user, who appealed
 * @param decision upheld (the sanction stays) or overturned (the sanction is lifted)
 */
public record AppealDecided(UUID appealId, UUID sanctionId, UUID userId, String decision, Instant decidedAt) {}
