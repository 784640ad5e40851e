package org.chorus.web;

import java.util.List;

/**
 * One slice of a cursor-paginated list, as a service hands it to its resource: the items and where the next slice
 * starts ({@code null} on the last one). "Page" stays the name of content's static pages.
 */
public record Slice<T>(List<T> items, KeysetCursor next) {

    public Slice {
        items = List.copyOf(items);
    }
}
