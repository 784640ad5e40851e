package org.chorus.content.page.rest;

import java.util.UUID;

import org.chorus.content.page.service.PageSearch;
import org.chorus.content.page.service.PageService;
import org.chorus.web.Ids;
import org.chorus.web.OpaqueCursor;

/**
 * The positions of the page lists, which are not platform/web's time-and-id keyset: pages by (index, name, id),
 * versions by number, hits by (score, id). The opaque form is platform/web's {@link OpaqueCursor}; each kind carries
 * its own first field, so one list's cursor is refused by another.
 */
final class Cursors {

    private Cursors() {}

    static String pages(PageService.After after) {
        return OpaqueCursor.encode("p", after.index(), after.id(), after.name());
    }

    static PageService.After pages(String cursor) {
        String[] parts = fields(cursor, "p", 4);
        if (parts == null) {
            return null;
        }
        try {
            int index = Integer.parseInt(parts[1]);
            UUID id = Ids.field(parts[2], "id");
            String name = parts[3];
            if (index >= 0 && !name.isEmpty() && name.length() <= 200 && name.indexOf('\0') < 0) {
                return new PageService.After(index, name, id);
            }
        } catch (RuntimeException e) {
            // refused below
        }
        throw OpaqueCursor.invalid();
    }

    static String versions(int lastNumber) {
        return OpaqueCursor.encode("v", lastNumber);
    }

    /** The number the next page of versions stays below. */
    static Integer versions(String cursor) {
        String[] parts = fields(cursor, "v", 2);
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
        throw OpaqueCursor.invalid();
    }

    static String hits(PageSearch.After after) {
        return OpaqueCursor.encode("s", Float.floatToIntBits(after.score()), after.id());
    }

    static PageSearch.After hits(String cursor) {
        String[] parts = fields(cursor, "s", 3);
        if (parts == null) {
            return null;
        }
        try {
            float score = Float.intBitsToFloat(Integer.parseInt(parts[1]));
            if (Float.isFinite(score)) {
                return new PageSearch.After(score, Ids.field(parts[2], "id"));
            }
        } catch (RuntimeException e) {
            // refused below
        }
        throw OpaqueCursor.invalid();
    }

    /** The fields of a cursor of that kind; null for no cursor (the first page). */
    private static String[] fields(String cursor, String kind, int count) {
        String[] parts = OpaqueCursor.decode(cursor, count);
        if (parts != null && !parts[0].equals(kind)) {
            throw OpaqueCursor.invalid();
        }
        return parts;
    }
}
