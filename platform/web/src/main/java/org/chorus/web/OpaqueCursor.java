package org.chorus.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque form every list cursor takes: its fields joined with {@code .} as Base64url, so that no client builds
 * one or depends on what is inside. {@link KeysetCursor} is the (time, id) one; a list ordered by something else
 * (a score, a rank, a number) writes its own fields with this and parses them back. Whatever a list did not hand
 * out is a 400 {@code invalid-cursor}, never a 500.
 */
public final class OpaqueCursor {

    private OpaqueCursor() {}

    /** The fields, joined with {@code .}: only the last may itself hold a dot. */
    public static String encode(Object... fields) {
        StringBuilder raw = new StringBuilder();
        for (Object field : fields) {
            if (!raw.isEmpty()) {
                raw.append('.');
            }
            raw.append(field);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code count} fields of a cursor a client sent back; null when it sent none (the first slice).
     *
     * @throws ProblemException 400 {@code invalid-cursor} when it is not Base64url or has fewer fields
     */
    public static String[] decode(String cursor, int count) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] fields =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", count);
            if (fields.length == count) {
                return fields;
            }
        } catch (IllegalArgumentException e) {
            // not Base64url: the same answer as a cursor of the wrong shape
        }
        throw invalid();
    }

    /** The answer to a cursor that decodes but names no position a list could have handed out. */
    public static ProblemException invalid() {
        return ProblemException.badRequest("invalid-cursor", "The cursor is not one this list handed out");
    }
}
