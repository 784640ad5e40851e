package org.chorus.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Jackson's own String deserializer, refusing NUL: every String a request body binds to (fields, list and
 * array elements, map values and keys) passes here.
 */
final class NulRejectingStringDeserializer extends StdScalarDeserializer<String> {

    static final NulRejectingStringDeserializer INSTANCE = new NulRejectingStringDeserializer();
    static final KeyDeserializer KEYS = new KeyDeserializer() {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(key, context.getParser());
        }
    };

    private NulRejectingStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return checked(StringDeserializer.instance.deserialize(parser, context), parser);
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    private static String checked(String value, JsonParser parser) throws ForbiddenCharacterException {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new ForbiddenCharacterException(parser);
        }
        return value;
    }
}
