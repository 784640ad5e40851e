package org.chorus.content.page.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.chorus.content.page.PageContent;
import org.chorus.content.page.PagePlace;

/** Body of {@code POST /api/pages}: name, url and description are required; an empty title or language is none. */
public record PageRequest(
        @NotNull @Size(max = 200) @Pattern(regexp = PageRules.LINE, message = PageRules.LINE_MESSAGE)
        String name,

        @Size(max = 200) @Pattern(regexp = "|" + PageRules.LINE, message = PageRules.LINE_MESSAGE)
        String title,

        @NotNull @Size(max = PageRules.URL_MAX) @Pattern(regexp = PageRules.URL, message = PageRules.URL_MESSAGE)
        String url,

        @NotNull
        @Size(max = PageRules.DESCRIPTION_MAX)
        @Pattern(regexp = PageRules.TEXT, message = PageRules.TEXT_MESSAGE)
        String description,

        @Size(max = PageRules.LANGUAGE_MAX)
        @Pattern(regexp = "|" + PageRules.LANGUAGE, message = PageRules.LANGUAGE_MESSAGE)
        String language,

        @PositiveOrZero Integer index,
        PagePlace place) {

    PageContent content() {
        return new PageContent(
                name,
                emptyIsNone(title),
                url,
                description,
                emptyIsNone(language),
                index == null ? 0 : index,
                place == null ? PagePlace.FOOTER : place);
    }

    static String emptyIsNone(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
