package org.chorus.content.page.rest;

import java.lang.reflect.Type;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads a page body refusing unknown fields, so that a client setting id, version or updatedBy gets a 400
 * rather than a silent no-op. The service's global mapper stays as it is.
 */
public class StrictReader implements BiFunction<ObjectMapper, Type, ObjectReader> {

    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        return mapper.readerFor(mapper.constructType(type)).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
