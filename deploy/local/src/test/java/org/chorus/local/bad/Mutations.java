package org.chorus.local.bad;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fixed set of malformed requests sent to one operation: each spoils a plausible request in one way. Everything is
 * derived from the operation's OpenAPI description, so a new operation gets its share without a line changed here.
 */
public final class Mutations {

    /** One request to send: what it tries, and its bytes. */
    public record BadRequest(String label, String method, String target, Map<String, String> headers, byte[] body) {

        /** The request as a finding names it: method, target and body, cut to a readable length. */
        public String describe() {
            String shownTarget = target.length() > 160 ? target.substring(0, 160) + "…(" + target.length() + " chars)" : target;
            StringBuilder text = new StringBuilder(method).append(' ').append(shownTarget);
            headers.forEach((name, value) -> text.append(" [").append(name).append(": ")
                    .append(value.length() > 60 ? value.substring(0, 60) + "…(" + value.length() + " chars)" : value)
                    .append(']'));
            if (body != null) {
                String shownBody = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
                text.append(" body ").append(shownBody.replace("\u0000", "\\u0000"));
                if (body.length > 200) {
                    text.append("…(").append(body.length).append(" bytes)");
                }
            }
            return text.toString();
        }
    }

    static final int MEGABYTE = 1 << 20;
    static final int NESTING = 10_000;
    static final int MAX_FIELDS = 10;
    static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "%00", "a".repeat(4000), "%FF%FE", "-1");
    static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "999999999999", "%00", "%FF", "");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String JSON_TYPE = "application/json";
    private static final String INVALID_UTF8_MARK = "@@invalid-utf8@@";

    private Mutations() {
    }

    public static List<BadRequest> of(Operation operation) {
        List<BadRequest> requests = new ArrayList<>();
        String target = target(operation, Map.of(), Map.of());
        boolean hasBody = operation.bodySchema() != null || operation.bodyMediaType() != null;
        byte[] sampleBody = hasBody ? bytes(sampleBody(operation)) : null;
        Map<String, String> json = hasBody ? Map.of("Content-Type", mediaType(operation)) : Map.of();

        for (Operation.Parameter parameter : operation.in("path")) {
            for (String bad : BAD_PATH_VALUES) {
                requests.add(new BadRequest("path " + parameter.name() + "=" + cut(bad), operation.method(),
                        target(operation, Map.of(parameter.name(), bad), Map.of()), json, sampleBody));
            }
        }
        for (Operation.Parameter parameter : operation.in("query")) {
            for (String bad : BAD_QUERY_VALUES) {
                requests.add(new BadRequest("query " + parameter.name() + "=" + bad, operation.method(),
                        target(operation, Map.of(), Map.of(parameter.name(), bad)), json, sampleBody));
            }
        }
        requests.add(new BadRequest("long URL", operation.method(),
                target + (target.contains("?") ? "&" : "?") + "pad=" + "a".repeat(10 * 1024), json, sampleBody));
        Map<String, String> hugeHeader = new LinkedHashMap<>(json);
        hugeHeader.put("X-Padding", "a".repeat(64 * 1024));
        requests.add(new BadRequest("huge header", operation.method(), target, hugeHeader, sampleBody));

        if (hasBody) {
            requests.addAll(bodies(operation, target));
        } else if (!operation.method().equals("GET")) {
            requests.add(new BadRequest("unexpected JSON body", operation.method(), target,
                    Map.of("Content-Type", JSON_TYPE), bytes("{\"unexpected\":{\"a\":[1,2]}}")));
            requests.add(new BadRequest("unexpected text body", operation.method(), target,
                    Map.of("Content-Type", "text/plain"), bytes("\u0000garbage")));
        }
        return requests;
    }

    private static List<BadRequest> bodies(Operation operation, String target) {
        List<BadRequest> requests = new ArrayList<>();
        Map<String, String> json = Map.of("Content-Type", mediaType(operation));
        JsonNode schema = operation.bodySchema() == null ? JSON.objectNode() : operation.bodySchema();
        JsonNode sample = Samples.of(schema);
        JsonNode properties = Samples.properties(schema);
        String method = operation.method();

        int fields = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext() && fields < MAX_FIELDS; fields++) {
            Map.Entry<String, JsonNode> property = it.next();
            ObjectNode wrong = objectOr(sample);
            wrong.set(property.getKey(), Samples.wrongType(property.getValue()));
            requests.add(new BadRequest("wrong type for " + property.getKey(), method, target, json, bytes(wrong)));
        }
        requests.add(new BadRequest("every field missing", method, target, json, bytes("{}")));
        ObjectNode extra = objectOr(sample);
        extra.put("unexpectedField", "surplus").putObject("anotherUnexpected").put("a", 1);
        requests.add(new BadRequest("extra fields", method, target, json, bytes(extra)));

        String first = properties.fieldNames().hasNext() ? properties.fieldNames().next() : "a";
        // written by hand: no JSON library writes a key twice
        String sampleText = text(objectOr(sample));
        String duplicated = sampleText.equals("{}") ? "{\"a\":1,\"a\":2}"
                : "{\"" + first + "\":\"first\"," + sampleText.substring(1);
        requests.add(new BadRequest("duplicate key " + first, method, target, json, bytes(duplicated)));

        requests.add(new BadRequest("1 MB strings", method, target, json,
                bytes(everyString(sample, properties, "m".repeat(MEGABYTE)))));
        requests.add(new BadRequest("deep nesting (body)", method, target, json,
                bytes("[".repeat(NESTING) + "]".repeat(NESTING))));
        requests.add(new BadRequest("deep nesting (field " + first + ")", method, target, json,
                bytes("{\"" + first + "\":" + "{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING) + "}")));
        requests.add(new BadRequest("NUL in strings", method, target, json,
                bytes(everyString(sample, properties, "nul\u0000inside"))));
        requests.add(new BadRequest("raw control characters", method, target, json,
                bytes("{\"" + first + "\":\"a\u0000\u0001b\"}")));
        requests.add(new BadRequest("invalid UTF-8", method, target, json,
                invalidUtf8(text(everyString(sample, properties, INVALID_UTF8_MARK)))));
        requests.add(new BadRequest("text/plain body", method, target, Map.of("Content-Type", "text/plain"), bytes(sample)));
        requests.add(new BadRequest("XML body", method, target, Map.of("Content-Type", "application/xml"),
                bytes("<?xml version=\"1.0\"?><a>1</a>")));
        requests.add(new BadRequest("no Content-Type", method, target, Map.of(), bytes(sample)));
        requests.add(new BadRequest("malformed Content-Type", method, target,
                Map.of("Content-Type", "application/json; charset=\u00ff;;"), bytes(sample)));
        requests.add(new BadRequest("empty body", method, target, json, new byte[0]));
        requests.add(new BadRequest("truncated JSON", method, target, json, bytes("{\"" + first + "\": ")));
        for (String top : List.of("[]", "null", "\"a string\"", "123", "true")) {
            requests.add(new BadRequest("body " + top, method, target, json, bytes(top)));
        }
        return requests;
    }

    /** The path with its parameters filled (a given bad value, or a plausible one) and the required query parameters. */
    static String target(Operation operation, Map<String, String> badPath, Map<String, String> badQuery) {
        String path = operation.path();
        for (Operation.Parameter parameter : operation.in("path")) {
            String value = badPath.getOrDefault(parameter.name(), samplePathValue(parameter));
            path = path.replace("{" + parameter.name() + "}", value);
        }
        // templates with a regex, e.g. {url: .+}
        path = path.replaceAll("\\{[^}]*}", "sample");
        StringBuilder query = new StringBuilder();
        for (Operation.Parameter parameter : operation.in("query")) {
            String value = badQuery.get(parameter.name());
            if (value == null && parameter.required()) {
                value = Samples.of(parameter.schema()).asText();
            }
            if (value != null) {
                query.append(query.isEmpty() ? '?' : '&').append(parameter.name()).append('=')
                        .append(badQuery.containsKey(parameter.name()) ? value : java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return path + query;
    }

    private static String samplePathValue(Operation.Parameter parameter) {
        String type = Samples.type(parameter.schema());
        if (type.equals("integer") || type.equals("number")) {
            return "1";
        }
        return parameter.schema().path("format").asText("").equals("uuid") || parameter.name().toLowerCase().endsWith("id")
                ? UUID.randomUUID().toString() : "sample";
    }

    private static JsonNode sampleBody(Operation operation) {
        return operation.bodySchema() == null ? JSON.objectNode() : Samples.of(operation.bodySchema());
    }

    private static String mediaType(Operation operation) {
        return operation.bodyMediaType() == null || operation.bodyMediaType().equals("*/*") ? JSON_TYPE
                : operation.bodyMediaType();
    }

    private static ObjectNode objectOr(JsonNode sample) {
        return sample.isObject() ? ((ObjectNode) sample).deepCopy() : JSON.objectNode();
    }

    /** The sample with every string property (or, with none, one property) set to the value. */
    private static JsonNode everyString(JsonNode sample, JsonNode properties, String value) {
        ObjectNode object = objectOr(sample);
        boolean any = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            if (Samples.type(property.getValue()).equals("string")) {
                object.put(property.getKey(), value);
                any = true;
            }
        }
        if (!any) {
            object.put(properties.fieldNames().hasNext() ? properties.fieldNames().next() : "a", value);
        }
        return object;
    }

    private static byte[] invalidUtf8(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = text.split(INVALID_UTF8_MARK, -1);
        for (int i = 0; i < parts.length; i++) {
            out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
            if (i < parts.length - 1) {
                // a lone continuation byte, a truncated sequence, an overlong NUL and a byte never valid in UTF-8
                out.writeBytes(new byte[] {'a', (byte) 0x80, (byte) 0xC3, '(', (byte) 0xC0, (byte) 0x80, (byte) 0xFF, 'z'});
            }
        }
        return out.toByteArray();
    }

    private static String cut(String value) {
        return value.length() > 20 ? value.substring(0, 8) + "…(" + value.length() + " chars)" : value;
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return bytes(text(node));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
