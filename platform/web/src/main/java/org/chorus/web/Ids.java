package org.chorus.web;

import java.util.UUID;

/**
 * Ids arrive as text. In a path a malformed one names nothing that exists, so it is a 404 like an unknown one; in a
 * query parameter it is the client's mistake, a 400 {@code invalid-id}. Never a 500. Only the canonical form counts:
 * {@link UUID#fromString} also takes short forms such as {@code 1-1-1-1-1}, which name nothing Chorus handed out.
 */
public final class Ids {

    private Ids() {}

    /** A path parameter naming a {@code what} (e.g. "User"): 404 when it is not a canonical UUID. */
    public static UUID path(String raw, String what) {
        UUID id = canonical(raw);
        if (id == null) {
            throw ProblemException.notFound(what);
        }
        return id;
    }

    /** A query parameter called {@code name}: null when absent, 400 {@code invalid-id} when not a canonical UUID. */
    public static UUID query(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return field(raw.strip(), name);
    }

    /** A field of a body called {@code name}, present: 400 {@code invalid-id} when not a canonical UUID. */
    public static UUID field(String raw, String name) {
        UUID id = canonical(raw);
        if (id == null) {
            throw ProblemException.badRequest("invalid-id", name + " must be a UUID");
        }
        return id;
    }

    /**
     * A path parameter that numbers a {@code what} from 1 (e.g. a version): 404 when it is not a whole number in
     * 1..{@link Integer#MAX_VALUE} written plainly (no sign, no leading zero).
     */
    public static int pathNumber(String raw, String what) {
        if (raw != null && raw.matches("[1-9][0-9]{0,9}")) {
            long number = Long.parseLong(raw);
            if (number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw ProblemException.notFound(what);
    }

    private static UUID canonical(String raw) {
        if (raw == null || raw.length() != 36) {
            return null;
        }
        try {
            UUID id = UUID.fromString(raw);
            return id.toString().equalsIgnoreCase(raw) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
