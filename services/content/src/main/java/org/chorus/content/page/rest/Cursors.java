package org.chorus.content.page.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.chorus.content.page.service.PageSearch;
import org.chorus.content.page.service.PageService;
import org.chorus.web.ProblemException;

/**
 * The opaque cursors of the page lists (Base64url, as platform/web's KeysetCursor, whose time-and-id keyset these
 * orders do not have): pages by (index, name, id), versions by number, hits by (score, id). Each kind carries its
 * own prefix, so one list's cursor is refused by another; anything a list did not hand out is a 400.
 */
final class Cursors {

    private Cursors() {}

    static String pages(PageService.After after) {
        return encode("p." + after.index() + "." + after.id() + "." + after.name());
    }

    static PageService.After pages(String cursor) {
        String[] parts = decode(cursor, "p", 4);
        if (parts == null) {
            return null;
        }
        try {
            int index = Integer.parseInt(parts[1]);
            UUID id = canonical(parts[2]);
            String name = parts[3];
            if (index >= 0 && !name.isEmpty() && name.length() <= 200 && name.indexOf('\0') < 0) {
                return new PageService.After(index, name, id);
            }
        } catch (RuntimeException e) {
            // refused below
        }
        throw invalid();
    }

    static String versions(int lastNumber) {
        return encode("v." + lastNumber);
    }

    /** The number the next page of versions stays below. */
    static Integer versions(String cursor) {
        String[] parts = decode(cursor, "v", 2);
        if (parts == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(parts[1]);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid();
    }

    static String hits(PageSearch.After after) {
        return encode("s." + Float.floatToIntBits(after.score()) + "." + after.id());
    }

    static PageSearch.After hits(String cursor) {
        String[] parts = decode(cursor, "s", 3);
        if (parts == null) {
            return null;
        }
        try {
            float score = Float.intBitsToFloat(Integer.parseInt(parts[1]));
            if (Float.isFinite(score)) {
                return new PageSearch.After(score, canonical(parts[2]));
            }
        } catch (RuntimeException e) {
            // refused below
        }
        throw invalid();
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor of that kind; null for no cursor (the first page). */
    private static String[] decode(String cursor, String kind, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] split = raw.split("\\.", parts);
            if (split.length == parts && split[0].equals(kind)) {
                return split;
            }
        } catch (IllegalArgumentException e) {
            // not Base64url
        }
        throw invalid();
    }

    private static UUID canonical(String raw) {
        UUID id = UUID.fromString(raw);
        if (!id.toString().equals(raw)) {
            throw new IllegalArgumentException("not canonical");
        }
        return id;
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("invalid-cursor", "The cursor is not one this list handed out");
    }
}
