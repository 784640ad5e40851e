package org.chorus.content.page.rest;

import java.util.UUID;

import org.chorus.web.ProblemException;

/** Ids and version numbers arrive in paths as text: one that cannot name anything is a 404, never a 500. */
final class PathIds {

    private PathIds() {}

    static UUID page(String raw) {
        try {
            UUID id = UUID.fromString(raw);
            // UUID.fromString also takes short forms such as "1-1-1-1-1"; only the canonical one names a page
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not an id at all
        }
        throw ProblemException.notFound("Page");
    }

    static int version(String raw) {
        if (raw.matches("[1-9][0-9]{0,9}")) {
            long number = Long.parseLong(raw);
            if (number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw ProblemException.notFound("Version");
    }
}
