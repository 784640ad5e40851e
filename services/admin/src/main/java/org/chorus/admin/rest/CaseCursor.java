package org.chorus.admin.rest;

import org.chorus.admin.service.ModerationCases;
import org.chorus.web.KeysetCursor;
import org.chorus.web.OpaqueCursor;

/**
 * The queue's cursor: a {@link KeysetCursor} (last report time and id) with the report count in front, which the
 * most-reported order needs, in platform/web's opaque form; anything a list did not hand out is 400
 * {@code invalid-cursor}.
 */
final class CaseCursor {

    private CaseCursor() {}

    static String encode(ModerationCases.Position position) {
        if (position == null) {
            return null;
        }
        return OpaqueCursor.encode(
                position.reportCount(), new KeysetCursor(position.lastReportedAt(), position.id()).encode());
    }

    static ModerationCases.Position decode(String cursor) {
        String[] fields = OpaqueCursor.decode(cursor, 2);
        if (fields == null) {
            return null;
        }
        try {
            int count = Integer.parseInt(fields[0]);
            if (count >= 0 && String.valueOf(count).equals(fields[0])) {
                KeysetCursor keyset = KeysetCursor.decode(fields[1]);
                if (keyset != null) {
                    return new ModerationCases.Position(count, keyset.at(), keyset.id());
                }
            }
        } catch (RuntimeException e) {
            // the same answer as a well-formed position that no list could have handed out
        }
        throw OpaqueCursor.invalid();
    }
}
