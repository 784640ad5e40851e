package org.chorus.admin.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.chorus.admin.service.ModerationCases;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;

/**
 * The queue's cursor: a {@link KeysetCursor} (last report time and id) with the report count in front, which
 * the most-reported order needs. Opaque Base64url; anything a list did not hand out is 400 {@code invalid-cursor}.
 */
final class CaseCursor {

    private CaseCursor() {
    }

    static String encode(ModerationCases.Position position) {
        if (position == null) {
            return null;
        }
        String raw = position.reportCount() + ":"
                + new KeysetCursor(position.lastReportedAt(), position.id()).encode();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ModerationCases.Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            int count = Integer.parseInt(parts[0]);
            if (count >= 0 && String.valueOf(count).equals(parts[0])) {
                KeysetCursor keyset = KeysetCursor.decode(parts[1]);
                if (keyset != null) {
                    return new ModerationCases.Position(count, keyset.at(), keyset.id());
                }
            }
        } catch (RuntimeException e) {
            // the same answer as a well-formed position that no list could have handed out
        }
        throw ProblemException.badRequest("invalid-cursor", "The cursor is not one this list handed out");
    }
}
