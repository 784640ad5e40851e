package org.chorus.users.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.chorus.users.service.Cursor;
import org.chorus.web.ProblemException;

/** Opaque list cursors: Base64url of the position, so clients cannot build or depend on them. */
final class Cursors {

    private Cursors() {
    }

    static String encode(Cursor cursor) {
        if (cursor == null) {
            return null;
        }
        String raw = cursor.at().getEpochSecond() + "." + cursor.at().getNano() + "." + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-cursor", "The cursor is not one this list handed out");
        }
    }
}
