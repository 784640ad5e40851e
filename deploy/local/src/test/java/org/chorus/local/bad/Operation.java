package org.chorus.local.bad;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document: its method, path template, parameters and JSON body schema (with
 * every {@code $ref} resolved against the document's components), its operationId, whether it states its security
 * itself ({@code security: []} for a public one), and its documented responses — as much as the bad-input suite and
 * the authorisation matrix need.
 */
public record Operation(
        String service,
        String method,
        String path,
        List<Parameter> parameters,
        JsonNode bodySchema,
        String bodyMediaType,
        boolean secured,
        String operationId,
        boolean declaresSecurity,
        Map<String, Set<String>> responses) {

    /** A path or query parameter. */
    public record Parameter(String name, String in, JsonNode schema, boolean required) {}

    /** {@code GET /api/users/{id}}, as the authorisation table names it. */
    public String key() {
        return method + " " + path;
    }

    public List<Parameter> in(String where) {
        return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    /** Every operation of one document, in its order. */
    public static List<Operation> all(String service, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode item = entry.getValue();
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue; // "parameters", "summary" and the like
                }
                operations.add(of(service, method, entry.getKey(), item, op.getValue(), document));
            }
        }
        return operations;
    }

    private static Operation of(
            String service, String method, String path, JsonNode item, JsonNode op, JsonNode document) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode parameter = resolve(p, document);
                String in = parameter.path("in").asText();
                if (in.equals("path") || in.equals("query")) {
                    parameters.add(new Parameter(
                            parameter.path("name").asText(),
                            in,
                            resolve(parameter.path("schema"), document),
                            parameter.path("required").asBoolean(false)));
                }
            }
        }
        JsonNode body = null;
        String mediaType = null;
        JsonNode content = resolve(op.path("requestBody"), document).path("content");
        for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> media = it.next();
            if (mediaType == null || media.getKey().contains("json")) {
                mediaType = media.getKey();
                body = inline(media.getValue().path("schema"), document, 0);
            }
        }
        boolean secured = op.has("security")
                ? !op.path("security").isEmpty()
                : !document.path("security").isEmpty();
        // status (or "4XX", "default") → the media types its answer may have (empty: no body documented)
        Map<String, Set<String>> responses = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            Set<String> types = new LinkedHashSet<>();
            resolve(response.getValue(), document).path("content").fieldNames().forEachRemaining(types::add);
            responses.put(response.getKey().toUpperCase(Locale.ROOT), types);
        }
        return new Operation(
                service,
                method,
                path,
                parameters,
                body,
                mediaType,
                secured,
                op.path("operationId").asText(null),
                op.has("security"),
                responses);
    }

    private static JsonNode resolve(JsonNode node, JsonNode document) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = ref.startsWith("#/") ? document.at(ref.substring(1)) : current;
        }
        return current;
    }

    /** The schema with its references replaced by what they name, to a bounded depth (schemas may be recursive). */
    private static JsonNode inline(JsonNode schema, JsonNode document, int depth) {
        JsonNode resolved = resolve(schema, document);
        if (depth > 6 || !resolved.isObject()) {
            return resolved;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = resolved.deepCopy();
        copy.remove("$ref");
        if (copy.has("properties")) {
            com.fasterxml.jackson.databind.node.ObjectNode properties = copy.putObject("properties");
            resolved.path("properties")
                    .fields()
                    .forEachRemaining(e -> properties.set(e.getKey(), inline(e.getValue(), document, depth + 1)));
        }
        if (copy.has("items")) {
            copy.set("items", inline(resolved.path("items"), document, depth + 1));
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (copy.has(combinator)) {
                com.fasterxml.jackson.databind.node.ArrayNode parts = copy.putArray(combinator);
                resolved.path(combinator).forEach(part -> parts.add(inline(part, document, depth + 1)));
            }
        }
        return copy;
    }
}
