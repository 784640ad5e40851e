package org.chorus.web;

import java.lang.reflect.Type;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads a request body refusing unknown fields ({@code @CustomDeserialization(StrictReader.class)} on a resource
 * method), so a client that tries to set something it may not (an id, a role, a counter) gets a 400 instead of a
 * silent no-op. The global mapper stays lenient because the event consumers share it and must read newer payloads.
 */
public class StrictReader implements BiFunction<ObjectMapper, Type, ObjectReader> {

    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        return mapper.readerFor(mapper.constructType(type)).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
