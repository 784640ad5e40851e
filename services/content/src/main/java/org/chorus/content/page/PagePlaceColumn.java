package org.chorus.content.page;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link PagePlace} by its lower-case name, which the table's check constraint lists. */
@Converter
public class PagePlaceColumn implements AttributeConverter<PagePlace, String> {

    @Override
    public String convertToDatabaseColumn(PagePlace place) {
        return place == null ? null : place.value();
    }

    @Override
    public PagePlace convertToEntityAttribute(String value) {
        return value == null
                ? null
                : PagePlace.of(value)
                        .orElseThrow(() -> new IllegalStateException("unknown page place in the database: " + value));
    }
}
