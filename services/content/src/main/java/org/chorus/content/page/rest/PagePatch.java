package org.chorus.content.page.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.chorus.content.page.PageContent;
import org.chorus.content.page.PagePlace;

/**
 * Body of {@code PATCH /api/pages/{id}}: only the fields sent change. An absent (or null) field stays as it is;
 * an empty title or language clears it. Read strictly: a field that is not here (id, version ...) is a 400.
 */
public record PagePatch(
        @Size(max = 200) @Pattern(regexp = PageRules.LINE, message = PageRules.LINE_MESSAGE)
        String name,

        @Size(max = 200) @Pattern(regexp = "|" + PageRules.LINE, message = PageRules.LINE_MESSAGE)
        String title,

        @Size(max = PageRules.URL_MAX) @Pattern(regexp = PageRules.URL, message = PageRules.URL_MESSAGE)
        String url,

        @Size(max = PageRules.DESCRIPTION_MAX) @Pattern(regexp = PageRules.TEXT, message = PageRules.TEXT_MESSAGE)
        String description,

        @Size(max = PageRules.LANGUAGE_MAX)
        @Pattern(regexp = "|" + PageRules.LANGUAGE, message = PageRules.LANGUAGE_MESSAGE)
        String language,

        @PositiveOrZero Integer index,
        PagePlace place) {

    boolean isEmpty() {
        return name == null
                && title == null
                && url == null
                && description == null
                && language == null
                && index == null
                && place == null;
    }

    PageContent applyTo(PageContent page) {
        return new PageContent(
                name != null ? name : page.name(),
                title != null ? PageRequest.emptyIsNone(title) : page.title(),
                url != null ? url : page.url(),
                description != null ? description : page.description(),
                language != null ? PageRequest.emptyIsNone(language) : page.language(),
                index != null ? index : page.index(),
                place != null ? place : page.place());
    }
}
