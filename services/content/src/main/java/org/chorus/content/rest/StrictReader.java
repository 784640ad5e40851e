package org.chorus.content.rest;

import java.lang.reflect.Type;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads a request body refusing unknown fields, so a client that tries to set something it may not (author,
 * counts, version) gets a 400 instead of a silent no-op, and refusing numbers or booleans where text belongs
 * ({"text": 5} is a mistake, not the post "5"). The global mapper stays lenient for the event consumers.
 */
public class StrictReader implements BiFunction<ObjectMapper, Type, ObjectReader> {

    private static volatile ObjectMapper strict;

    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        ObjectMapper m = strict(mapper);
        return m.readerFor(m.constructType(type)).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper m = strict;
        if (m == null) {
            m = mapper.copy();
            m.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            strict = m;
        }
        return m;
    }
}
