package org.chorus.web;

import java.util.List;
import java.util.function.Function;

/**
 * One slice of a cursor-paginated list, as a service hands it to its resource: the items and where the next slice
 * starts ({@code null} on the last one). "Page" stays the name of content's static pages.
 */
public record Slice<T>(List<T> items, KeysetCursor next) {

    public Slice {
        items = List.copyOf(items);
    }

    /**
     * A list read with {@code limit + 1} rows: the extra row only says that there is more, and the next slice starts
     * after the last item kept, at its {@code position}.
     */
    public static <T> Slice<T> of(List<T> rows, int limit, Function<? super T, KeysetCursor> position) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<T> kept = rows.subList(0, limit);
        return new Slice<>(kept, position.apply(kept.get(limit - 1)));
    }
}
