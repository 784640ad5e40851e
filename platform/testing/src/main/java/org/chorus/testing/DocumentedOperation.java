package org.chorus.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One operation the service under test documents in its OpenAPI document ({@code /q/openapi}), for the tests that
 * sweep every endpoint: an endpoint added later is covered without anyone remembering to add it to them.
 *
 * @param method lower case, as the document has it ({@code get}, {@code post} ...)
 * @param path the path template, e.g. {@code /api/posts/{id}}
 * @param secured whether it declares a security requirement
 * @param hasBody whether it takes a request body
 */
public record DocumentedOperation(String method, String path, boolean secured, boolean hasBody) {

    private static final Pattern PARAM = Pattern.compile("\\{[^}]+}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** Every {@code /api/} operation of the running application's document. */
    @SuppressWarnings("unchecked")
    public static List<DocumentedOperation> all() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<DocumentedOperation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (!METHODS.contains(method) || !path.startsWith("/api/")) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) op;
            boolean secured = operation.get("security") instanceof List<?> list && !list.isEmpty();
            operations.add(new DocumentedOperation(method, path, secured, operation.containsKey("requestBody")));
        }));
        return List.copyOf(operations);
    }

    /** The path with every parameter set to {@code value}. */
    public String with(String value) {
        return PARAM.matcher(path).replaceAll(java.util.regex.Matcher.quoteReplacement(value));
    }

    /** Sends the request to the path with every parameter set to {@code value}. */
    public Response call(RequestSpecification request, String value) {
        return request.request(method.toUpperCase(Locale.ROOT), with(value));
    }

    @Override
    public String toString() {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
