package org.chorus.admin.rest;

import java.time.Instant;
import java.util.List;

import org.chorus.web.Limits;
import org.chorus.web.ProblemException;

/**
 * Query parameters and body values only the moderation resources read (ids, limits and cursors are platform/web's):
 * anything off is a 400, never a 500.
 */
final class Params {

    static final int DEFAULT_LIMIT = 50;
    /** A suspension of at most ten years; beyond that it is a ban. */
    static final int MAX_DURATION_HOURS = 87_600;

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Params() {}

    /** The {@code ?limit=} of the moderation lists: platform/web's rule with a default of 50. */
    static int limit(String value) {
        return Limits.parse(value, DEFAULT_LIMIT, Limits.MAX);
    }

    /** One of the allowed values, or {@code otherwise} when absent; 400 {@code invalid-<name>} for anything else. */
    static String oneOf(String name, String value, List<String> allowed, String otherwise) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        if (!allowed.contains(value)) {
            throw ProblemException.badRequest(
                    "invalid-" + name, name + " must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /**
     * The end of a suspension from either form a client may send: an instant, or a number of hours from now.
     * Both at once is a 400; neither answers null.
     */
    static Instant until(Instant until, Integer durationHours) {
        if (until != null && durationHours != null) {
            throw ProblemException.badRequest("invalid-until", "give until or durationHours, not both");
        }
        if (durationHours != null) {
            if (durationHours < 1 || durationHours > MAX_DURATION_HOURS) {
                throw ProblemException.badRequest(
                        "invalid-until", "durationHours must be from 1 to " + MAX_DURATION_HOURS);
            }
            return Instant.now().plusSeconds(durationHours * 3600L);
        }
        if (until != null && until.isAfter(LATEST)) {
            throw ProblemException.badRequest("invalid-until", "until must be before the year 10000");
        }
        return until;
    }
}
