package org.chorus.content.rest;

import org.chorus.content.Reaction;
import org.chorus.web.ProblemException;

/** The {@code ?reaction=} filter of the reaction lists. */
final class Reactions {

    private Reactions() {
    }

    static String kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.matches(Reaction.PATTERN)) {
            throw ProblemException.badRequest("invalid-reaction", "reaction must be one of " + Reaction.PATTERN.replace('|', ','));
        }
        return raw;
    }
}
