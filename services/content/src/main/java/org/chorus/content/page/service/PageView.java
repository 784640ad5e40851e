package org.chorus.content.page.service;

import java.time.Instant;
import java.util.UUID;

import org.chorus.content.page.Page;
import org.chorus.content.page.PagePlace;

/** A page as the API shows it: the fields of Open Event Server's pages, plus its version and who saved it last. */
public record PageView(
        UUID id,
        String name,
        String title,
        String url,
        String description,
        String language,
        int index,
        PagePlace place,
        int version,
        Instant createdAt,
        Instant updatedAt,
        UUID updatedBy) {

    static PageView of(Page page) {
        return new PageView(
                page.id,
                page.name,
                page.title,
                page.url,
                page.description,
                page.language,
                page.sortIndex,
                page.place,
                page.version,
                page.createdAt,
                page.updatedAt,
                page.updatedBy);
    }
}
