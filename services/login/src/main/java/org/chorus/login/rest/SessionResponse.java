package org.chorus.login.rest;

import java.time.Instant;
import java.util.UUID;

import org.chorus.login.Session;

/**
 * One of the caller's sessions (devices).
 *
 * @param current whether it is the session of the access token making the request
 */
public record SessionResponse(
        UUID id,
        String userAgent,
        String ip,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        boolean current) {

    static SessionResponse of(Session session, UUID currentSid) {
        return new SessionResponse(
                session.id,
                session.userAgent,
                session.ip,
                session.createdAt,
                session.lastUsedAt,
                session.expiresAt,
                session.id.equals(currentSid));
    }
}
