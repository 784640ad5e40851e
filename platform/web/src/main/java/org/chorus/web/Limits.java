package org.chorus.web;

/** The {@code ?limit=} of every list: default 20, 1..100; anything else is a 400 {@code invalid-limit}, never a 500. */
public final class Limits {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private Limits() {
    }

    /** The limit a client asked for, or the default when it asked for none. */
    public static int parse(String raw) {
        return parse(raw, DEFAULT, MAX);
    }

    /** As {@link #parse(String)}, for a list with its own default and maximum. */
    public static int parse(String raw, int defaultLimit, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.badRequest("invalid-limit", "limit must be a whole number from 1 to " + max);
    }
}
