package org.chorus.content.rest;

import org.chorus.web.ProblemException;

/** The {@code ?limit=} of every list: default 20, 1..100; anything else is a 400. */
final class Limits {

    static final int DEFAULT = 20;
    static final int MAX = 100;

    private Limits() {
    }

    static int parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.badRequest("invalid-limit", "limit must be a whole number from 1 to " + MAX);
    }
}
