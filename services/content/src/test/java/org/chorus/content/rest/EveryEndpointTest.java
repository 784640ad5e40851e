package org.chorus.content.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.chorus.content.support.TestUsers;
import org.chorus.content.support.TestUsers.TestUser;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.DocumentedOperation;
import org.chorus.testing.EndpointSweeps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sweeps every operation the service documents in its OpenAPI, so an endpoint added later is covered without anyone
 * remembering to add it here: the public reads answer without a token (and still refuse a bad one), everything
 * else needs a valid token, and bad input anywhere is a 4xx problem+json, never a 500.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EveryEndpointTest {

    /** What the gateway lets through without a token: reads of public content (ARCHITECTURE.md, issue 10). */
    private static final Pattern PUBLIC_GET =
            Pattern.compile("/api/(posts|comments|search|pages)(/.*)?|/api/feed/(public|tags/.*|users/.*)");

    /** platform/testing's malformed ids, and a NUL. */
    private static final List<String> MALFORMED_IDS = Stream.concat(
                    EndpointSweeps.MALFORMED_IDS.stream(), Stream.of("%00"))
            .toList();

    /** platform/testing's bodies that are no JSON object, and a lone surrogate in a text. */
    private static final List<String> BAD_BODIES = Stream.concat(
                    EndpointSweeps.NOT_A_JSON_OBJECT.stream(), Stream.of("{\"text\":\"\\ud800\"}"))
            .toList();

    private List<DocumentedOperation> operations;

    @BeforeEach
    void readTheOpenApiDocument() {
        operations = DocumentedOperation.all();
    }

    private static boolean isPublic(DocumentedOperation op) {
        return op.method().equals("get") && PUBLIC_GET.matcher(op.path()).matches();
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointOfTheContract() {
        Set<String> documented = new TreeSet<>();
        operations.forEach(o -> documented.add(o.toString()));
        for (String expected : List.of(
                "POST /api/posts",
                "GET /api/posts/{id}",
                "PATCH /api/posts/{id}",
                "DELETE /api/posts/{id}",
                "GET /api/posts/{id}/versions",
                "GET /api/posts/{id}/versions/{number}",
                "GET /api/posts/{id}/comments",
                "POST /api/posts/{id}/comments",
                "GET /api/comments/{id}",
                "GET /api/comments/{id}/replies",
                "PATCH /api/comments/{id}",
                "DELETE /api/comments/{id}",
                "PUT /api/posts/{id}/reactions/mine",
                "DELETE /api/posts/{id}/reactions/mine",
                "GET /api/posts/{id}/reactions",
                "PUT /api/comments/{id}/reactions/mine",
                "DELETE /api/comments/{id}/reactions/mine",
                "GET /api/comments/{id}/reactions",
                "GET /api/feed/home",
                "GET /api/feed/public",
                "GET /api/feed/tags/{tag}",
                "GET /api/feed/users/{userId}",
                "GET /api/feed/users/{userId}/counts",
                "GET /api/search/posts",
                "GET /api/search/tags",
                "POST /api/reports")) {
            assertTrue(documented.contains(expected), expected + " is documented; documented: " + documented);
        }
    }

    @Test
    void publicReadsDeclareNoSecurityAndEverythingElseTheBearerScheme() {
        for (DocumentedOperation op : operations) {
            if (op.path().startsWith("/api/pages")) {
                continue; // the pages' own rules
            }
            assertEquals(!isPublic(op), op.secured(), op + " declares security");
        }
    }

    @Test
    void everyOperationButThePublicReadsAnswers401ProblemWithABearerChallengeWithoutAToken() {
        String id = UUID.randomUUID().toString();
        int checked = 0;
        for (DocumentedOperation op : operations) {
            if (op.path().startsWith("/api/pages")) {
                continue;
            }
            if (isPublic(op)) {
                Response response =
                        op.call(given().contentType("application/json").body("{}"), id);
                assertNotEquals(401, response.statusCode(), op + " is public");
                continue;
            }
            EndpointSweeps.assertNeedsAToken(op, id);
            checked++;
        }
        assertTrue(checked >= 12, "swept " + checked + " secured operations");
    }

    @Test
    void everyOperationRefusesExpiredForeignAndGarbageTokensPublicReadsToo() {
        TestUser me = TestUsers.signedUp();
        String id = UUID.randomUUID().toString();
        for (DocumentedOperation op : operations) {
            if (op.path().startsWith("/api/pages") && isPublic(op)) {
                continue;
            }
            EndpointSweeps.assertRefusesBadTokens(op, me.id(), me.username(), id);
        }
    }

    @Test
    void malformedIdsInAnyPathAre4xxProblemsNever500() {
        TestUser me = TestUsers.signedUp();
        for (DocumentedOperation op : operations) {
            if (op.path().contains("{")) {
                EndpointSweeps.assertMalformedIdsAre4xx(op, me::request, "{\"text\":\"x\"}", MALFORMED_IDS);
            }
        }
    }

    @Test
    void bodiesThatAreNotJsonOrNotAnObjectAre400ProblemsAndWrongMediaTypesAre415() {
        TestUser me = TestUsers.signedUp();
        String post = me.post("a post", "public");
        int checked = 0;
        for (DocumentedOperation op : operations) {
            if (!op.hasBody() || op.path().startsWith("/api/pages")) {
                continue; // the pages have their own tests
            }
            EndpointSweeps.assertRefusesBadBodies(op, me::request, post, BAD_BODIES);
            checked++;
        }
        assertTrue(checked >= 6, "swept " + checked + " operations with bodies");
    }

    @Test
    void badLimitsAndCursorsOnEveryListAre400Problems() {
        TestUser me = TestUsers.signedUp();
        String post = me.post("a post #tag", "public");
        int checked = 0;
        for (DocumentedOperation op : operations) {
            if (!op.method().equals("get") || op.path().startsWith("/api/pages")) {
                continue;
            }
            RequestSpecification probe = me.request().queryParam("q", "tag");
            if (op.call(probe, post).then().extract().jsonPath().get("items") == null) {
                continue; // not a list
            }
            for (Map<String, String> bad : List.of(
                    Map.of("limit", "0"),
                    Map.of("limit", "x"),
                    Map.of("limit", "101"),
                    Map.of("cursor", "!!"),
                    Map.of("cursor", "bm90LWEtY3Vyc29y"))) {
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
