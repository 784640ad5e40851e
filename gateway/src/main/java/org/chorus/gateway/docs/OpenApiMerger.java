package org.chorus.gateway.docs;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.chorus.gateway.RouteTable;
import org.chorus.gateway.Upstream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' OpenAPI documents into one: the paths each service owns at the gateway (nothing else: no
 * /q/*), their components — a name two services define differently is renamed {@code <service>_<Name>} in the
 * second one, with its $refs — and one {@code jwt} bearer security scheme for every operation that needs a token.
 */
public final class OpenApiMerger {

    public static final String SECURITY_SCHEME = "jwt";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private OpenApiMerger() {
    }

    public static JsonObject merge(Map<Upstream, JsonObject> documents, RouteTable routes) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        Map<String, JsonObject> tags = new java.util.LinkedHashMap<>();
        for (Map.Entry<Upstream, JsonObject> entry : documents.entrySet()) {
            String service = entry.getKey().name();
            JsonObject doc = entry.getValue().copy();
            JsonObject theirs = doc.getJsonObject("components", new JsonObject());
            Set<String> schemes = new LinkedHashSet<>(theirs.getJsonObject("securitySchemes", new JsonObject()).fieldNames());
            Map<String, String> renames = renames(service, theirs, components);
            JsonObject rewritten = (JsonObject) rewriteRefs(doc, renames);
            addComponents(rewritten.getJsonObject("components", new JsonObject()), components, renames);
            JsonArray globalSecurity = rewritten.getJsonArray("security");
            JsonObject theirPaths = rewritten.getJsonObject("paths", new JsonObject());
            for (String path : theirPaths.fieldNames()) {
                boolean owned = routes.resolve(path).map(r -> r.upstream().equals(entry.getKey())).orElse(false);
                if (!owned || !(theirPaths.getValue(path) instanceof JsonObject item)) {
                    continue;
                }
                for (String method : item.fieldNames()) {
                    if (OPERATIONS.contains(method) && item.getValue(method) instanceof JsonObject operation) {
                        security(operation, globalSecurity, schemes);
                    }
                }
                JsonObject existing = paths.getJsonObject(path);
                if (existing == null) {
                    paths.put(path, item);
                } else {
                    item.forEach(e -> existing.put(e.getKey(), e.getValue()));
                }
            }
            JsonArray theirTags = rewritten.getJsonArray("tags", new JsonArray());
            for (Object tag : theirTags) {
                if (tag instanceof JsonObject t && t.getString("name") != null) {
                    tags.putIfAbsent(t.getString("name"), t);
                }
            }
        }
        components.put("securitySchemes", new JsonObject().put(SECURITY_SCHEME, new JsonObject()
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "An access token from POST /api/auth/login (or /api/auth/token)")));
        JsonObject merged = new JsonObject()
                .put("openapi", "3.0.3")
                .put("info", new JsonObject().put("title", "Chorus API").put("version", "0.1.0")
                        .put("description", "Every service's public API, as routed by the gateway. Services: "
                                + String.join(", ", documents.keySet().stream().map(Upstream::name).toList()) + "."))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("paths", sorted(paths))
                .put("components", components);
        if (!tags.isEmpty()) {
            merged.put("tags", new JsonArray(new java.util.ArrayList<>(tags.values())));
        }
        return merged;
    }

    /** An operation's own security, else the document's; every scheme the service named becomes "jwt". */
    private static void security(JsonObject operation, JsonArray globalSecurity, Set<String> schemes) {
        JsonArray security = operation.getJsonArray("security", globalSecurity);
        if (security == null) {
            return;
        }
        JsonArray mapped = new JsonArray();
        for (Object requirement : security) {
            if (!(requirement instanceof JsonObject r)) {
                continue;
            }
            JsonObject m = new JsonObject();
            for (String name : r.fieldNames()) {
                m.put(schemes.contains(name) || name.equals(SECURITY_SCHEME) ? SECURITY_SCHEME : name, r.getValue(name));
            }
            if (!m.isEmpty() || r.isEmpty()) {
                mapped.add(m);
            }
        }
        operation.put("security", mapped);
    }

    /** "#/components/&lt;section&gt;/&lt;name&gt;" → new name, for names taken by a different definition. */
    private static Map<String, String> renames(String service, JsonObject theirs, JsonObject ours) {
        Map<String, String> renames = new HashMap<>();
        for (String section : theirs.fieldNames()) {
            if (section.equals("securitySchemes") || !(theirs.getValue(section) instanceof JsonObject defs)) {
                continue;
            }
            JsonObject existing = ours.getJsonObject(section, new JsonObject());
            for (String name : defs.fieldNames()) {
                Object mine = existing.getValue(name);
                if (mine != null && !mine.equals(defs.getValue(name))) {
                    renames.put("#/components/" + section + "/" + name,
                            "#/components/" + section + "/" + service + "_" + name);
                }
            }
        }
        return renames;
    }

    private static void addComponents(JsonObject theirs, JsonObject ours, Map<String, String> renames) {
        for (String section : theirs.fieldNames()) {
            if (section.equals("securitySchemes") || !(theirs.getValue(section) instanceof JsonObject defs)) {
                continue;
            }
            JsonObject target = ours.getJsonObject(section);
            if (target == null) {
                target = new JsonObject();
                ours.put(section, target);
            }
            for (String name : defs.fieldNames()) {
                String ref = renames.get("#/components/" + section + "/" + name);
                String finalName = ref == null ? name : ref.substring(ref.lastIndexOf('/') + 1);
                target.put(finalName, defs.getValue(name));
            }
        }
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof JsonObject object) {
            JsonObject out = new JsonObject();
            for (Map.Entry<String, Object> e : object) {
                if (e.getKey().equals("$ref") && e.getValue() instanceof String ref) {
                    out.put("$ref", renames.getOrDefault(ref, ref));
                } else {
                    out.put(e.getKey(), rewriteRefs(e.getValue(), renames));
                }
            }
            return out;
        }
        if (node instanceof JsonArray array) {
            JsonArray out = new JsonArray();
            array.forEach(v -> out.add(rewriteRefs(v, renames)));
            return out;
        }
        return node;
    }

    private static JsonObject sorted(JsonObject paths) {
        JsonObject out = new JsonObject();
        paths.fieldNames().stream().sorted().forEach(p -> out.put(p, paths.getValue(p)));
        return out;
    }
}
