package org.chorus.content.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.chorus.content.support.TestUsers;
import org.chorus.content.support.TestUsers.TestUser;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sweeps every operation the service documents in its OpenAPI, so an endpoint added later is covered without anyone
 * remembering to add it here: the public reads answer without a token (and still refuse a bad one), everything
 * else needs a valid token, and bad input anywhere is a 4xx problem+json, never a 500.
 */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class EveryEndpointTest {

    /** What the gateway lets through without a token: reads of public content (ARCHITECTURE.md, issue 10). */
    private static final Pattern PUBLIC_GET = Pattern.compile(
            "/api/(posts|comments|search|pages)(/.*)?|/api/feed/(public|tags/.*|users/.*)");
    private static final Pattern PARAM = Pattern.compile("\\{[^}]+}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    record Operation(String method, String path, boolean secured, boolean hasBody) {
        boolean isPublic() {
            return method.equals("get") && PUBLIC_GET.matcher(path).matches();
        }

        Response call(RequestSpecification request, String id) {
            return request.request(method.toUpperCase(Locale.ROOT), PARAM.matcher(path).replaceAll(id));
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private List<Operation> operations;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void readTheOpenApiDocument() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (!METHODS.contains(method) || !path.startsWith("/api/")) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) op;
            Object security = operation.get("security");
            boolean secured = security instanceof List<?> list && !list.isEmpty();
            operations.add(new Operation(method, path, secured, operation.containsKey("requestBody")));
        }));
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointOfTheContract() {
        Set<String> documented = new TreeSet<>();
        operations.forEach(o -> documented.add(o.toString()));
        for (String expected : List.of("POST /api/posts", "GET /api/posts/{id}", "PATCH /api/posts/{id}",
                "DELETE /api/posts/{id}", "GET /api/posts/{id}/versions", "GET /api/posts/{id}/versions/{number}",
                "GET /api/posts/{id}/comments", "POST /api/posts/{id}/comments", "GET /api/comments/{id}",
                "GET /api/comments/{id}/replies", "PATCH /api/comments/{id}", "DELETE /api/comments/{id}",
                "PUT /api/posts/{id}/reactions/mine", "DELETE /api/posts/{id}/reactions/mine",
                "GET /api/posts/{id}/reactions", "PUT /api/comments/{id}/reactions/mine",
                "DELETE /api/comments/{id}/reactions/mine", "GET /api/comments/{id}/reactions", "GET /api/feed/home",
                "GET /api/feed/public", "GET /api/feed/tags/{tag}", "GET /api/feed/users/{userId}",
                "GET /api/feed/users/{userId}/counts", "GET /api/search/posts", "GET /api/search/tags",
                "POST /api/reports")) {
            assertTrue(documented.contains(expected), expected + " is documented; documented: " + documented);
        }
    }

    @Test
    void publicReadsDeclareNoSecurityAndEverythingElseTheBearerScheme() {
        for (Operation op : operations) {
            if (op.path().startsWith("/api/pages")) {
                continue; // the pages' own rules
            }
            assertEquals(!op.isPublic(), op.secured(), op + " declares security");
        }
    }

    @Test
    void everyOperationButThePublicReadsAnswers401ProblemWithABearerChallengeWithoutAToken() {
        String id = UUID.randomUUID().toString();
        int checked = 0;
        for (Operation op : operations) {
            if (op.path().startsWith("/api/pages")) {
                continue;
            }
            Response response = op.call(given().contentType("application/json").body("{}"), id);
            if (op.isPublic()) {
                assertNotEquals(401, response.statusCode(), op + " is public");
                continue;
            }
            assertEquals(401, response.statusCode(), op + " without a token");
            assertTrue(response.contentType().startsWith("application/problem+json"), op + ": " + response.contentType());
            assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"), op + " challenges for a bearer token");
            checked++;
        }
        assertTrue(checked >= 12, "swept " + checked + " secured operations");
    }

    @Test
    void everyOperationRefusesExpiredForeignAndGarbageTokensPublicReadsToo() {
        TestUser me = TestUsers.signedUp();
        String id = UUID.randomUUID().toString();
        for (Operation op : operations) {
            if (op.path().startsWith("/api/pages") && op.isPublic()) {
                continue;
            }
            for (String token : List.of(TestJwt.expired(me.id(), me.username()),
                    TestJwt.signedByOtherKey(me.id(), me.username()), "not.a.jwt")) {
                Response response = op.call(given().auth().oauth2(token).contentType("application/json").body("{}"), id);
                assertEquals(401, response.statusCode(), op + " with a bad token");
                assertTrue(response.contentType().startsWith("application/problem+json"), op.toString());
            }
        }
    }

    @Test
    void malformedIdsInAnyPathAre4xxProblemsNever500() {
        TestUser me = TestUsers.signedUp();
        for (Operation op : operations) {
            if (!PARAM.matcher(op.path()).find()) {
                continue;
            }
            for (String bad : List.of("not-a-uuid", "1-1-1-1-1", "%25", "00000000-0000-0000-0000-00000000000g", "%00")) {
                Response response = op.call(me.request().contentType("application/json").body("{\"text\":\"x\"}"), bad);
                int status = response.statusCode();
                assertTrue(status >= 400 && status < 500, op + " with id " + bad + " → " + status);
                assertTrue(response.contentType().startsWith("application/problem+json"),
                        op + " with id " + bad + " → " + response.contentType());
            }
        }
    }

    @Test
    void bodiesThatAreNotJsonOrNotAnObjectAre400ProblemsAndWrongMediaTypesAre415() {
        TestUser me = TestUsers.signedUp();
        String post = me.post("a post", "public");
        int checked = 0;
        for (Operation op : operations) {
            if (!op.hasBody() || op.path().startsWith("/api/pages")) {
                continue; // the pages have their own tests
            }
            for (String bad : List.of("{not json", "[1,2]", "\"text\"", "{\"a\":", "null", "{\"text\":\"\\ud800\"}")) {
                Response response = op.call(me.request().contentType("application/json").body(bad), post);
                assertEquals(400, response.statusCode(), op + " with body " + bad);
                assertTrue(response.contentType().startsWith("application/problem+json"), op + " with body " + bad);
            }
            Response text = op.call(me.request().contentType("text/plain").body("hello"), post);
            assertEquals(415, text.statusCode(), op + " with text/plain");
            assertTrue(text.contentType().startsWith("application/problem+json"), op + " with text/plain");
            checked++;
        }
        assertTrue(checked >= 6, "swept " + checked + " operations with bodies");
    }

    @Test
    void badLimitsAndCursorsOnEveryListAre400Problems() {
        TestUser me = TestUsers.signedUp();
        String post = me.post("a post #tag", "public");
        int checked = 0;
        for (Operation op : operations) {
            if (!op.method().equals("get") || op.path().startsWith("/api/pages")) {
                continue;
            }
            RequestSpecification probe = me.request().queryParam("q", "tag");
            if (op.call(probe, post).then().extract().jsonPath().get("items") == null) {
                continue; // not a list
            }
            for (Map<String, String> bad : List.of(Map.of("limit", "0"), Map.of("limit", "x"), Map.of("limit", "101"),
                    Map.of("cursor", "!!"), Map.of("cursor", "bm90LWEtY3Vyc29y"))) {
                if (op.path().equals("/api/search/tags") && bad.containsKey("cursor")) {
                    continue; // a ranking without cursors
                }
                Response response = op.call(me.request().queryParam("q", "tag").queryParams(bad), post);
                assertEquals(400, response.statusCode(), op + " with " + bad);
                assertTrue(response.contentType().startsWith("application/problem+json"), op + " with " + bad);
            }
            checked++;
        }
        // versions, comments, reactions of the post; home, public; search posts and tags (ids of other kinds 404)
        assertTrue(checked >= 6, "swept " + checked + " lists");
    }
}
