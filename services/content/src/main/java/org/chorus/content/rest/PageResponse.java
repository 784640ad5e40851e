package org.chorus.content.rest;

import java.util.List;

import org.chorus.content.service.Page;
import org.chorus.web.KeysetCursor;

/** A page of a list, with the opaque cursor of the next page (null on the last one). */
public record PageResponse<T>(List<T> items, String nextCursor) {

    static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), KeysetCursor.encode(page.next()));
    }
}
