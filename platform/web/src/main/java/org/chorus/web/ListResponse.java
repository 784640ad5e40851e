package org.chorus.web;

import java.util.List;
import java.util.function.Function;

/** The body of every list answer: the items and the opaque cursor of the next slice ({@code null} on the last). */
public record ListResponse<T>(List<T> items, String nextCursor) {

    public static <T> ListResponse<T> of(Slice<T> slice) {
        return new ListResponse<>(slice.items(), KeysetCursor.encode(slice.next()));
    }

    public static <S, T> ListResponse<T> of(Slice<S> slice, Function<S, T> map) {
        return new ListResponse<>(slice.items().stream().map(map).toList(), KeysetCursor.encode(slice.next()));
    }
}
