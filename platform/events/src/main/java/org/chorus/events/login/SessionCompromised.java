package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code session-compromised}: an already-rotated refresh token was presented; the whole session was revoked.
 * Key: userId.
 * @param sessionId the revoked session (the sid claim)
 * @param ip client address of the replay
 */
public record SessionCompromised(UUID userId, UUID sessionId, String ip, Instant detectedAt) {}
