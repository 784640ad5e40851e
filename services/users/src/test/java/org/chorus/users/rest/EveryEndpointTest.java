package org.chorus.users.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sweeps over every operation the service documents in its OpenAPI, so an endpoint added later is
 * covered without anyone remembering to add it here: each needs a valid token (except the public
 * avatars), and bad input anywhere is a 4xx problem+json, never a 500.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EveryEndpointTest {

    /** The only operations anyone may call without a token: the gateway lets them through too. */
    private static final Pattern PUBLIC = Pattern.compile("/api/users/\\{[^}]+}/avatar(\\.svg|\\.png)?");

    private static final Pattern PARAM = Pattern.compile("\\{[^}]+}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    record Operation(String method, String path, boolean secured, boolean hasBody) {
        String with(String id) {
            return PARAM.matcher(path).replaceAll(id);
        }

        Response call(RequestSpecification request, String id) {
            return request.request(method.toUpperCase(java.util.Locale.ROOT), with(id));
        }

        @Override
        public String toString() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }
    }

    private List<Operation> operations;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void readTheOpenApiDocument() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
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
    void theOpenApiDocumentListsEveryPartOfTheService() {
        Set<String> paths = new TreeSet<>();
        operations.forEach(o -> paths.add(o.toString()));
        for (String expected : List.of(
                "GET /api/users/me",
                "PATCH /api/users/me",
                "GET /api/users/{id}",
                "GET /api/users/{id}/avatar",
                "GET /api/users/search",
                "PUT /api/users/me/blocks/{userId}",
                "PUT /api/users/me/mutes/{userId}",
                "POST /api/friends/requests",
                "GET /api/friends",
                "GET /api/friends/mutual/{userId}",
                "GET /api/friends/suggestions",
                "GET /api/friends/presence")) {
            assertTrue(paths.contains(expected), expected + " is documented; documented: " + paths);
        }
    }

    @Test
    void onlyTheAvatarsArePublicInTheDocumentAndEverythingElseDeclaresTheBearerScheme() {
        for (Operation op : operations) {
            assertEquals(!PUBLIC.matcher(op.path()).matches(), op.secured(), op + " declares security");
        }
    }

    @Test
    void everyOperationButTheAvatarsAnswers401ProblemWithABearerChallengeWithoutAToken() {
        String id = UUID.randomUUID().toString();
        int checked = 0;
        for (Operation op : operations) {
            if (PUBLIC.matcher(op.path()).matches()) {
                continue;
            }
            Response response = op.call(given().contentType("application/json").body("{}"), id);
            assertEquals(401, response.statusCode(), op + " without a token");
            assertTrue(
                    response.contentType().startsWith("application/problem+json"), op + ": " + response.contentType());
            assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"), op + " challenges for a bearer token");
            checked++;
        }
        assertTrue(checked >= 20, "swept " + checked + " secured operations");
    }

    @Test
    void everySecuredOperationRefusesExpiredForeignAndGarbageTokens() {
        TestUser me = TestUsers.existing();
        String id = UUID.randomUUID().toString();
        List<String> badTokens = List.of(
                TestJwt.expired(me.id(), me.username()), TestJwt.signedByOtherKey(me.id(), me.username()), "not.a.jwt");
        for (Operation op : operations) {
            if (!op.secured()) {
                continue;
            }
            for (String token : badTokens) {
                Response response = op.call(
                        given().auth()
                                .oauth2(token)
                                .contentType("application/json")
                                .body("{}"),
                        id);
                assertEquals(401, response.statusCode(), op + " with a bad token");
                assertTrue(response.contentType().startsWith("application/problem+json"), op.toString());
            }
        }
    }

    @Test
    void malformedIdsInAnyPathAre4xxProblemsNever500() {
        TestUser me = TestUsers.existing();
        for (Operation op : operations) {
            if (!PARAM.matcher(op.path()).find()) {
                continue;
            }
            for (String bad : List.of("not-a-uuid", "1-1-1-1-1", "%25", "00000000-0000-0000-0000-00000000000g")) {
                Response response =
                        op.call(me.request().contentType("application/json").body("{}"), bad);
                int status = response.statusCode();
                assertTrue(status >= 400 && status < 500, op + " with id " + bad + " → " + status);
                assertTrue(
                        response.contentType().startsWith("application/problem+json"),
                        op + " with id " + bad + " → " + response.contentType());
            }
        }
    }

    @Test
    void bodiesThatAreNotJsonOrNotAnObjectAre400ProblemsAndWrongMediaTypesAre415() {
        TestUser me = TestUsers.existing();
        String id = UUID.randomUUID().toString();
        int checked = 0;
        for (Operation op : operations) {
            if (!op.hasBody()) {
                continue;
            }
            for (String bad : List.of("{not json", "[1,2]", "\"text\"", "{\"a\":", "null")) {
                Response response =
                        op.call(me.request().contentType("application/json").body(bad), id);
                assertEquals(400, response.statusCode(), op + " with body " + bad);
                assertTrue(response.contentType().startsWith("application/problem+json"), op + " with body " + bad);
            }
            Response text = op.call(me.request().contentType("text/plain").body("hello"), id);
            assertEquals(415, text.statusCode(), op + " with text/plain");
            assertTrue(text.contentType().startsWith("application/problem+json"), op + " with text/plain");
            checked++;
        }
        assertTrue(checked >= 4, "swept " + checked + " operations with bodies");
    }

    @Test
    void requestsWithoutAValidTokenChangeNothing() {
        TestUser me = TestUsers.existing();
        TestUser other = TestUsers.existing();
        String forged = TestJwt.signedByOtherKey(me.id(), me.username());
        for (String token : new String[] {null, forged}) {
            RequestSpecification anonymous =
                    token == null ? given() : given().auth().oauth2(token);
            anonymous
                    .contentType("application/json")
                    .body(Map.of("displayName", "hijacked", "bio", "hijacked"))
                    .patch("/api/users/me")
                    .then()
                    .statusCode(401);
            RequestSpecification again =
                    token == null ? given() : given().auth().oauth2(token);
            again.contentType("application/json")
                    .body(Map.of("toUserId", other.id().toString()))
                    .post("/api/friends/requests")
                    .then()
                    .statusCode(401);
            RequestSpecification third =
                    token == null ? given() : given().auth().oauth2(token);
            third.put("/api/users/me/blocks/" + other.id()).then().statusCode(401);
        }
        JsonPath profile = me.request()
                .get("/api/users/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertFalse("hijacked".equals(profile.getString("displayName")), "display name unchanged");
        assertFalse("hijacked".equals(profile.getString("bio")), "bio unchanged");
        assertTrue(me.request()
                .get("/api/friends/requests/outgoing")
                .jsonPath()
                .getList("items")
                .isEmpty());
        assertTrue(other.request()
                .get("/api/friends/requests/incoming")
                .jsonPath()
                .getList("items")
                .isEmpty());
        assertTrue(me.request()
                .get("/api/users/me/blocks")
                .jsonPath()
                .getList("items")
                .isEmpty());
        other.request().get("/api/users/" + me.id()).then().statusCode(200);
    }
}
