package org.chorus.users.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.DocumentedOperation;
import org.chorus.testing.EndpointSweeps;
import org.chorus.testing.TestJwt;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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

    private List<DocumentedOperation> operations;

    @BeforeEach
    void readTheOpenApiDocument() {
        operations = DocumentedOperation.all();
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
        for (DocumentedOperation op : operations) {
            assertEquals(!PUBLIC.matcher(op.path()).matches(), op.secured(), op + " declares security");
        }
    }

    @Test
    void everyOperationButTheAvatarsAnswers401ProblemWithABearerChallengeWithoutAToken() {
        String id = UUID.randomUUID().toString();
        int checked = 0;
        for (DocumentedOperation op : operations) {
            if (PUBLIC.matcher(op.path()).matches()) {
                continue;
            }
            EndpointSweeps.assertNeedsAToken(op, id);
            checked++;
        }
        assertTrue(checked >= 20, "swept " + checked + " secured operations");
    }

    @Test
    void everySecuredOperationRefusesExpiredForeignAndGarbageTokens() {
        TestUser me = TestUsers.existing();
        String id = UUID.randomUUID().toString();
        for (DocumentedOperation op : operations) {
            if (op.secured()) {
                EndpointSweeps.assertRefusesBadTokens(op, me.id(), me.username(), id);
            }
        }
    }

    @Test
    void malformedIdsInAnyPathAre4xxProblemsNever500() {
        TestUser me = TestUsers.existing();
        for (DocumentedOperation op : operations) {
            if (op.path().contains("{")) {
                EndpointSweeps.assertMalformedIdsAre4xx(op, me::request, "{}", EndpointSweeps.MALFORMED_IDS);
            }
        }
    }

    @Test
    void bodiesThatAreNotJsonOrNotAnObjectAre400ProblemsAndWrongMediaTypesAre415() {
        TestUser me = TestUsers.existing();
        String id = UUID.randomUUID().toString();
        int checked = 0;
        for (DocumentedOperation op : operations) {
            if (!op.hasBody()) {
                continue;
            }
            EndpointSweeps.assertRefusesBadBodies(op, me::request, id, EndpointSweeps.NOT_A_JSON_OBJECT);
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
