package org.chorus.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Makes every service's OpenAPI document tell the truth about errors, with no annotation on any resource: one shared
 * {@code Problem} schema, and on every operation the problem+json answers platform/web and the gateway give to any
 * request — 400 (malformed target, query, path id or body), 401 (no valid token, or a bad one sent), 429 (rate
 * limits) — plus 403 on operations that need a token, 404 on operations that name a thing by path, 409 on every
 * write (a name taken, a state that no longer allows it), 415 on operations that take a body. Every other 4xx an operation documents itself (409, 410 …) gets the Problem schema too. Public
 * operations get {@code security: []}, and an operation without an operationId gets one from its method and path.
 *
 * <p>Runs when the application starts, after Quarkus' own build-time filters have added the security requirements of
 * {@code @Authenticated}/{@code @RolesAllowed} operations, so "no security requirement" really means public.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ProblemDocumentFilter implements OASFilter {

    public static final String PROBLEM_SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "ProblemFieldError";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(FIELD_ERROR_SCHEMA, fieldErrorSchema());
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        boolean securedByDefault =
                openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            PathItem item = path.getValue();
            if (item.getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                document(entry.getKey(), path.getKey(), item, entry.getValue(), securedByDefault);
            }
        }
    }

    private static void document(
            PathItem.HttpMethod method, String path, PathItem item, Operation operation, boolean securedByDefault) {
        if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
            operation.setOperationId(operationId(method, path));
        }
        boolean secured = operation.getSecurity() == null
                ? securedByDefault
                : !operation.getSecurity().isEmpty();
        if (!secured) {
            operation.setSecurity(new ArrayList<>()); // "security: []": public, even under a document-wide default
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        problem(
                responses,
                "400",
                "Invalid request: a malformed target, query, path id or body (errors[] names the fields)");
        problem(
                responses,
                "401",
                secured
                        ? "No valid access token (missing, malformed, expired, revoked or not login's)"
                        : "An access token was sent and is not valid (a public operation needs none)");
        if (secured) {
            problem(responses, "403", "The token's user may not do this (role or ownership)");
        }
        if (namesSomethingByPath(item, operation)) {
            problem(responses, "404", "Not found, or not visible to the caller");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            problem(responses, "409", "Conflicts with the current state (taken, already done, no longer possible)");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "415", "The body is not of a media type this operation takes");
        }
        problem(responses, "429", "Over the caller's rate limit (Retry-After says when to come back)");
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("4")) {
                    response.setContent(problemContent());
                }
            });
        }
    }

    /** Adds the problem answer unless the operation documents that status itself (its description is kept). */
    private static void problem(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
        APIResponse response = responses.getAPIResponse(status);
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(description);
        }
    }

    private static boolean namesSomethingByPath(PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        return parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
    }

    /** {@code GET /api/users/{id}/avatar.png} → {@code getUsersByIdAvatarPng}: unique, as method and path are. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        String rest = path.startsWith("/api/") ? path.substring(4) : path;
        for (String segment : rest.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean parameter = segment.startsWith("{");
            if (parameter) {
                id.append("By");
            }
            for (String word : segment.replaceAll("[{}]|:.*", "").split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: the body of every error Chorus answers")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addProperty(
                        "type",
                        string("Stable identifier of the kind of problem, https://chorus.dev/problems/<slug>")
                                .format("uri"))
                .addProperty("title", string("Short summary of that kind, the same for every occurrence"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong this time, safe to show"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .description("Field errors of an invalid request")
                                .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR_SCHEMA)));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addRequired("field")
                .addRequired("message")
                .addProperty("field", string("Where the input is, as the client wrote it (dotted path)"))
                .addProperty("message", string("Why it was refused"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
