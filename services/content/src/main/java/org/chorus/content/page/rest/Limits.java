package org.chorus.content.page.rest;

import org.chorus.web.ProblemException;

/** The {@code ?limit=} of the page lists: default 20, 1 to 100; anything else is a 400, not a 500. */
final class Limits {

    static final int DEFAULT = 20;
    static final int MAX = 100;

    private Limits() {}

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
            // the same answer as a number out of range
        }
        throw ProblemException.badRequest("invalid-limit", "limit must be a whole number from 1 to " + MAX);
    }
}
