package org.chorus.web;

import java.util.Objects;
import java.util.UUID;

/**
 * A position in a list ranked by a score, best first, ties broken by id — the keyset of the search lists — in the
 * opaque form of {@link OpaqueCursor}. The score travels as its exact bits, so the next slice starts exactly after
 * the last item handed out.
 *
 * @param score the score of the last item handed out (finite)
 * @param id the id of that item
 */
public record RankedCursor(float score, UUID id) {

    public RankedCursor {
        Objects.requireNonNull(id, "id");
    }

    /** The opaque form, as a list hands it out in {@code nextCursor}. */
    public String encode() {
        return OpaqueCursor.encode(Float.floatToIntBits(score), id);
    }

    /** {@link #encode()}, or null for no cursor (the last slice). */
    public static String encode(RankedCursor cursor) {
        return cursor == null ? null : cursor.encode();
    }

    /**
     * The position a client sent back; null when it sent none (the first slice).
     *
     * @throws ProblemException 400 {@code invalid-cursor} for anything a list did not hand out
     */
    public static RankedCursor decode(String cursor) {
        String[] fields = OpaqueCursor.decode(cursor, 2);
        if (fields == null) {
            return null;
        }
        try {
            float score = Float.intBitsToFloat(Integer.parseInt(fields[0]));
            if (Float.isFinite(score)) {
                return new RankedCursor(score, Ids.field(fields[1], "id"));
            }
        } catch (RuntimeException e) {
            // the same answer as a position no list could have handed out
        }
        throw OpaqueCursor.invalid();
    }
}
