package org.chorus.content.page;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a page is linked from, as in Open Event Server ({@code footer}, {@code event}) plus header and sidebar. */
public enum PagePlace {
    @JsonProperty("footer")
    FOOTER,
    @JsonProperty("event")
    EVENT,
    @JsonProperty("header")
    HEADER,
    @JsonProperty("sidebar")
    SIDEBAR;

    /** The name in JSON, query parameters and the database. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The place of that name, or empty for anything else (the caller answers 400). */
    public static Optional<PagePlace> of(String value) {
        return Arrays.stream(values()).filter(p -> p.value().equals(value)).findFirst();
    }
}
