package org.chorus.gateway.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Small OpenAPI documents the fake services serve at /q/openapi, shaped like SmallRye's. */
final class OpenApiDocs {

    private OpenApiDocs() {
    }

    /** null: the service has no document (the fake messages service, as if down). */
    static String of(String service) {
        JsonObject problem = new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("type", new JsonObject().put("type", "string")));
        return switch (service) {
            case "users" -> doc("jwt",
                    new JsonObject()
                            .put("/api/users/{id}/avatar.png", new JsonObject().put("get", op("avatarPng", "#/components/schemas/Problem").put("security", new JsonArray())))
                            .put("/api/users/me", new JsonObject().put("get", op("me", "#/components/schemas/Profile")))
                            .put("/q/health", new JsonObject().put("get", op("health", null))),
                    new JsonObject().put("Problem", problem)
                            .put("Profile", new JsonObject().put("type", "object").put("description", "users' profile")))
                    .encode();
            case "content" -> doc("SecurityScheme",
                    new JsonObject()
                            .put("/api/posts", new JsonObject().put("post", op("createPost", "#/components/schemas/Profile")))
                            .put("/api/pages/{slug}", new JsonObject().put("get", op("page", "#/components/schemas/Problem").put("security", new JsonArray())))
                            // not content's at the gateway: must not be merged
                            .put("/api/users/stolen", new JsonObject().put("get", op("stolen", null))),
                    new JsonObject().put("Problem", problem)
                            .put("Profile", new JsonObject().put("type", "string").put("description", "content's, different")))
                    .encode();
            case "login" -> doc("jwt",
                    new JsonObject().put("/api/auth/login", new JsonObject().put("post", op("login", null).put("security", new JsonArray()))),
                    new JsonObject().put("Problem", problem)).encode();
            case "messages" -> null;
            default -> doc("jwt", new JsonObject(), new JsonObject()).encode();
        };
    }

    private static JsonObject doc(String scheme, JsonObject paths, JsonObject schemas) {
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "fake").put("version", "1"))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas)
                        .put("securitySchemes", new JsonObject().put(scheme, new JsonObject().put("type", "http").put("scheme", "bearer"))))
                .put("security", new JsonArray().add(new JsonObject().put(scheme, new JsonArray())));
    }

    private static JsonObject op(String id, String ref) {
        JsonObject op = new JsonObject().put("operationId", id);
        if (ref != null) {
            op.put("responses", new JsonObject().put("200", new JsonObject().put("content",
                    new JsonObject().put("application/json", new JsonObject().put("schema", new JsonObject().put("$ref", ref))))));
        }
        return op;
    }
}
