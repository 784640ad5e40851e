package org.chorus.content.rest;

import java.util.UUID;

import org.chorus.web.ProblemException;

/** Path ids arrive as text: anything but a canonical UUID is a 400 problem, never a 500. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String raw, String what) {
        try {
            UUID id = UUID.fromString(raw);
            // UUID.fromString accepts short forms such as "1-1-1-1-1"; only the canonical one names anything
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // below
        }
        throw ProblemException.badRequest("invalid-id", what + " id must be a UUID");
    }
}
