package org.chorus.notifications.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.chorus.notifications.service.DeliveryLog.Position;
import org.chorus.web.ProblemException;

/** Opaque list cursors: Base64url of the position, so clients cannot build or depend on them. */
final class Cursors {

    private Cursors() {
    }

    static String encode(Position position) {
        if (position == null) {
            return null;
        }
        String raw = position.createdAt().getEpochSecond() + "." + position.createdAt().getNano() + "." + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
            return new Position(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-cursor", "The cursor is not one this list handed out");
        }
    }
}
