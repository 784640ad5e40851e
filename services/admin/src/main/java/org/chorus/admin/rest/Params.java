package org.chorus.admin.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.chorus.web.ProblemException;

/** Query and path parameters as the moderation resources read them: anything off is a 400, never a 500. */
final class Params {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    /** A suspension of at most ten years; beyond that it is a ban. */
    static final int MAX_DURATION_HOURS = 87_600;

    /** the canonical form only: UUID.fromString also takes shapes such as 1-1-1-1-1 */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Params() {
    }

    static UUID uuid(String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(value);
    }

    /** A required id (a path segment): 400 {@code invalid-id} when it is not a UUID. */
    static UUID id(String name, String value) {
        try {
            return uuid(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-id", name + " must be a UUID");
        }
    }

    /** An optional id filter: null when absent. */
    static UUID optionalId(String name, String value) {
        return value == null || value.isEmpty() ? null : id(name, value);
    }

    static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // same answer as out of range
        }
        throw ProblemException.badRequest("invalid-limit", "limit must be a number from 1 to " + MAX_LIMIT);
    }

    /** One of the allowed values, or {@code otherwise} when absent; 400 {@code invalid-<name>} for anything else. */
    static String oneOf(String name, String value, List<String> allowed, String otherwise) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        if (!allowed.contains(value)) {
            throw ProblemException.badRequest("invalid-" + name, name + " must be one of " + String.join(", ", allowed));
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
                throw ProblemException.badRequest("invalid-until",
                        "durationHours must be from 1 to " + MAX_DURATION_HOURS);
            }
            return Instant.now().plusSeconds(durationHours * 3600L);
        }
        if (until != null && until.isAfter(LATEST)) {
            throw ProblemException.badRequest("invalid-until", "until must be before the year 10000");
        }
        return until;
    }
}
