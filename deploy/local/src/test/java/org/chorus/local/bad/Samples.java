package org.chorus.local.bad;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Plausible values for a JSON schema, the starting point every mutation spoils in one way. */
final class Samples {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Samples() {
    }

    /** The schema's type: "object", "array", "string", "integer", "number", "boolean" (nullable types: the non-null one). */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            for (JsonNode part : schema.path(combinator)) {
                String inner = type(part);
                if (!inner.equals("unknown")) {
                    return inner;
                }
            }
        }
        return "unknown";
    }

    static JsonNode properties(JsonNode schema) {
        if (schema.has("properties")) {
            return schema.path("properties");
        }
        for (JsonNode part : schema.path("allOf")) {
            if (part.has("properties")) {
                return part.path("properties");
            }
        }
        return JSON.objectNode();
    }

    static JsonNode of(JsonNode schema) {
        return of(schema, 0);
    }

    private static JsonNode of(JsonNode schema, int depth) {
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        if (schema.has("example")) {
            return schema.path("example");
        }
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                if (depth < 5) {
                    properties(schema).fields().forEachRemaining(e -> object.set(e.getKey(), of(e.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                if (depth < 5 && schema.has("items")) {
                    array.add(of(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> JSON.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            case "number" -> JSON.numberNode(1.5);
            case "boolean" -> JSON.booleanNode(true);
            case "string" -> JSON.textNode(string(schema));
            default -> JSON.textNode("sample");
        };
    }

    static String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "email" -> "sample-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            case "uri", "url" -> "https://example.org/sample";
            default -> "sample" + "x".repeat(Math.max(0, schema.path("minLength").asInt(0) - 6));
        };
    }

    /** A value of a type the schema does not allow. */
    static JsonNode wrongType(JsonNode schema) {
        return switch (type(schema)) {
            case "string" -> JSON.numberNode(12345);
            case "integer", "number" -> JSON.textNode("not a number");
            case "boolean" -> JSON.textNode("not a boolean");
            case "array" -> JSON.objectNode().put("not", "an array");
            case "object" -> JSON.arrayNode().add(1);
            default -> JSON.arrayNode().add(JSON.objectNode());
        };
    }
}
