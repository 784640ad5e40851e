package org.chorus.web;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads a request body refusing unknown fields ({@code @CustomDeserialization(StrictReader.class)} on a resource
 * method), so a client that tries to set something it may not (an id, a role, a counter) gets a 400 instead of a
 * silent no-op; and refusing a number or a boolean where text belongs ({@code {"text": 5}} is a mistake, not the
 * text "5"). The global mapper stays lenient because the event consumers share it and must read newer payloads.
 */
public class StrictReader implements BiFunction<ObjectMapper, Type, ObjectReader> {

    /** Coercion rules live on a mapper, not a reader: one strict copy per application mapper. */
    private static final Map<ObjectMapper, ObjectMapper> STRICT = new WeakHashMap<>();

    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        ObjectMapper strict = strict(mapper);
        return strict.readerFor(strict.constructType(type)).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        synchronized (STRICT) {
            return STRICT.computeIfAbsent(mapper, m -> {
                ObjectMapper copy = m.copy();
                copy.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                return copy;
            });
        }
    }
}
