package org.chorus.notifications.rest;

import java.util.UUID;

import org.chorus.notifications.NotificationKind;
import org.chorus.web.ProblemException;

/**
 * The query parameters only notifications reads (ids, limits and cursors are platform/web's), checked here so every
 * bad value is a 400 problem, never a 500.
 */
final class Params {

    private Params() {}

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

    /** The caller's user id: login puts it in {@code sub}. */
    static UUID subject(String sub) {
        try {
            return UUID.fromString(sub);
        } catch (RuntimeException e) {
            throw new ProblemException(403, "forbidden", "Forbidden", "this token names no user");
        }
    }
}
