package org.chorus.web;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A position in a list ordered by time and id — the keyset of Chorus's cursor-paginated lists — and its opaque
 * form for clients: Base64url of the position, so that nobody builds one or depends on what is inside. A cursor
 * that does not decode answers 400 {@code invalid-cursor}, never a 500.
 *
 * @param at the time of the last item handed out
 * @param id the id of that item, which breaks ties between items of the same time
 */
public record KeysetCursor(Instant at, UUID id) {

    /** What PostgreSQL's timestamptz holds comfortably; a cursor outside it was not handed out by a list. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public KeysetCursor {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    /** The opaque form, as a list hands it out in {@code nextCursor}. */
    public String encode() {
        return OpaqueCursor.encode(at.getEpochSecond(), at.getNano(), id);
    }

    /** {@link #encode()}, or null for no cursor (the last page). */
    public static String encode(KeysetCursor cursor) {
        return cursor == null ? null : cursor.encode();
    }

    /**
     * The position a client sent back; null when it sent none (the first page).
     *
     * @throws ProblemException 400 {@code invalid-cursor} for anything a list did not hand out
     */
    public static KeysetCursor decode(String cursor) {
        String[] parts = OpaqueCursor.decode(cursor, 3);
        if (parts == null) {
            return null;
        }
        try {
            long nanos = Long.parseLong(parts[1]);
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
            UUID id = UUID.fromString(parts[2]);
            // only what encode() writes: nanoseconds of the second, a time the database can hold, a canonical id
            if (nanos >= 0
                    && nanos < 1_000_000_000
                    && !at.isBefore(EARLIEST)
                    && !at.isAfter(LATEST)
                    && id.toString().equalsIgnoreCase(parts[2])) {
                return new KeysetCursor(at, id);
            }
        } catch (RuntimeException e) {
            // the same answer as a well-formed position that no list could have handed out
        }
        throw OpaqueCursor.invalid();
    }
}
