package org.chorus.notifications.rest;

import java.util.UUID;

import org.chorus.notifications.NotificationKind;
import org.chorus.web.ProblemException;

/** Query and path parameters read as text and checked here, so every bad value is a 400 problem (never a 404 or 500). */
final class Params {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private Params() {}

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

    static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.badRequest("invalid-" + name, name + " must be true or false");
    }

    static NotificationKind kind(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return NotificationKind.fromWire(value)
                .orElseThrow(() -> ProblemException.badRequest(
                        "invalid-kind",
                        "kind must be one of friend-request, friendship, comment, reply, reaction, mention, report-outcome, "
                                + "sanction, appeal-decision, new-device-login, password-changed, two-factor-changed"));
    }

    static UUID id(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // same answer as a non-canonical form
        }
        throw ProblemException.badRequest("invalid-id", "id must be a UUID");
    }

    /** The caller's user id: login puts it in {@code sub}. */
    static UUID subject(String sub) {
        try {
            return UUID.fromString(sub);
        } catch (RuntimeException e) {
            throw new ProblemException(403, "forbidden", "Forbidden", "this token names no user");
        }
    }
}
