package org.chorus.users.rest;

import java.util.List;
import java.util.function.Function;

import org.chorus.users.service.Page;
import org.chorus.web.KeysetCursor;

/** A page of a list, with the opaque cursor of the next page (null on the last one). */
public record PageResponse<T>(List<T> items, String nextCursor) {

    static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> map) {
        return new PageResponse<>(page.items().stream().map(map).toList(), KeysetCursor.encode(page.next()));
    }

    static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), KeysetCursor.encode(page.next()));
    }
}
