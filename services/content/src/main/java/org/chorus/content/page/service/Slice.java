package org.chorus.content.page.service;

import java.util.List;

/** One page of a list; {@code more} says whether another follows, after the last item of this one. */
public record Slice<T>(List<T> items, boolean more) {

    /** A list read with limit + 1 rows: the extra row only says that there is more. */
    static <T> Slice<T> of(List<T> rows, int limit) {
        return rows.size() > limit ? new Slice<>(List.copyOf(rows.subList(0, limit)), true) : new Slice<>(rows, false);
    }

    public T last() {
        return items.get(items.size() - 1);
    }
}
