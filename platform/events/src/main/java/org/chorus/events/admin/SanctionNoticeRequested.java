package org.chorus.events.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code sanction-notice-requested}: private: carries a single-use link to appeal a sanction, for the sanctioned user. Read only by notifications.
 * Key: userId.
 * @param userId the sanctioned user
 * @param action warn, hide, suspend or ban
 * @param until end of a suspension; absent for every other action
 * @param appealLink single-use link to appeal the sanction
 * @param appealDeadline the last moment an appeal is accepted
 */
public record SanctionNoticeRequested(
        UUID userId,
        UUID sanctionId,
        String action,
        String reason,
        Instant until,
        String appealLink,
        Instant appealDeadline,
        Instant issuedAt) {}
