package org.chorus.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * What every request body must satisfy before a service sees it, so that no JSON reaches a resource — or
 * PostgreSQL — in a shape that ends as a 500: no key twice in one object (which value would win is up to the
 * parser; an attacker's choice otherwise), no NUL in any string, nesting at most {@value #MAX_DEPTH} deep.
 * Each violation is a 400 problem+json through {@link ProblemMappers}.
 */
@Singleton
public class JsonHardening implements ObjectMapperCustomizer {

    /** Far deeper than any Chorus document; keeps a recursive reader (JsonNode, Map) from a deep-nesting bomb. */
    static final int MAX_DEPTH = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .build());
        mapper.registerModule(new SimpleModule("chorus-json-hardening")
                .addDeserializer(String.class, NulRejectingStringDeserializer.INSTANCE)
                .addKeyDeserializer(String.class, NulRejectingStringDeserializer.KEYS));
    }
}
