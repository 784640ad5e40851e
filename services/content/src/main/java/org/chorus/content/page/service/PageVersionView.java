package org.chorus.content.page.service;

import java.time.Instant;
import java.util.UUID;

import org.chorus.content.page.PagePlace;

/** One saved version of a page, in full: what the page said after that save, when and by whom it was saved. */
public record PageVersionView(
        UUID pageId,
        int number,
        String name,
        String title,
        String url,
        String description,
        String language,
        int index,
        PagePlace place,
        Instant savedAt,
        UUID savedBy) {}
