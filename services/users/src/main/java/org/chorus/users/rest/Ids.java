package org.chorus.users.rest;

import java.util.UUID;

import org.chorus.web.ProblemException;

/** Path ids arrive as text: a malformed one names nothing that exists, so it is a 404, never a 500. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String raw, String what) {
        try {
            UUID id = UUID.fromString(raw);
            // UUID.fromString accepts short forms such as "1-1-1-1-1"; only the canonical one names a user
            if (!id.toString().equalsIgnoreCase(raw)) {
                throw ProblemException.notFound(what);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what);
        }
    }
}
