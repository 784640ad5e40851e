package org.chorus.admin.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.admin.support.Moderation.WAIT;
import static org.chorus.admin.support.Moderation.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.admin.support.Moderation;
import org.chorus.admin.support.ModerationRows;
import org.chorus.events.Topics;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every admin operation × {anonymous, plain user, moderator, administrator} → the status each must get.
 * Ids name nothing that exists (except where an operation creates), so an allowed caller gets 404 and a
 * refused one 401 or 403: the refusal comes before anything is looked up.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AuthorizationMatrixTest {

    @Inject
    ModerationRows rows;

    private record Operation(
            String method, String path, String body, int anonymous, int user, int moderator, int admin) {
        int expected(int caller) {
            return new int[] {anonymous, user, moderator, admin}[caller];
        }
    }

    private static final String[] CALLERS = {"anonymous", "user", "moderator", "admin"};
    private static final String CODE = "A".repeat(43);

    private static List<Operation> operations(UUID target) {
        String any = UUID.randomUUID().toString();
        return List.of(
                //            method    path                                        body
                //                       anon user mod admin
                new Operation("PUT", "/api/admin/users/" + any + "/roles/moderator", null, 401, 403, 403, 404),
                new Operation("DELETE", "/api/admin/users/" + any + "/roles/moderator", null, 401, 403, 403, 204),
                new Operation("PUT", "/api/admin/users/" + any + "/roles/admin", null, 401, 403, 403, 404),
                new Operation("GET", "/api/admin/users?role=moderator", null, 401, 403, 403, 200),
                new Operation("GET", "/api/admin/cases", null, 401, 403, 200, 200),
                new Operation("GET", "/api/admin/cases/" + any, null, 401, 403, 404, 404),
                new Operation("POST", "/api/admin/cases/" + any + "/assign", "{}", 401, 403, 404, 404),
                new Operation("POST", "/api/admin/cases/" + any + "/notes", "{\"text\":\"n\"}", 401, 403, 404, 404),
                new Operation(
                        "POST",
                        "/api/admin/cases/" + any + "/resolve",
                        "{\"action\":\"warn\",\"reason\":\"r\"}",
                        401,
                        403,
                        404,
                        404),
                new Operation("POST", "/api/admin/cases/" + any + "/dismiss", "{}", 401, 403, 404, 404),
                new Operation(
                        "POST",
                        "/api/admin/sanctions",
                        "{\"userId\":\"" + target + "\",\"action\":\"warn\"," + "\"reason\":\"matrix\"}",
                        401,
                        403,
                        201,
                        201),
                new Operation("GET", "/api/admin/sanctions?userId=" + target, null, 401, 403, 200, 200),
                new Operation("POST", "/api/admin/sanctions/" + any + "/lift", "{}", 401, 403, 404, 404),
                new Operation("GET", "/api/admin/appeals", null, 401, 403, 200, 200),
                new Operation(
                        "POST",
                        "/api/admin/appeals/" + any + "/decide",
                        "{\"decision\":\"upheld\"}",
                        401,
                        403,
                        404,
                        404),
                new Operation(
                        "POST",
                        "/api/admin/appeals",
                        "{\"sanctionId\":\"" + any + "\",\"text\":\"t\"}",
                        401,
                        404,
                        404,
                        404),
                new Operation("GET", "/api/admin/appeals/code/" + CODE, null, 404, 404, 404, 404),
                new Operation("POST", "/api/admin/appeals/code/" + CODE, "{\"text\":\"t\"}", 404, 404, 404, 404),
                new Operation("GET", "/api/admin/audit", null, 401, 403, 403, 200),
                new Operation("GET", "/api/admin/stats", null, 401, 403, 403, 200),
                new Operation("GET", "/api/admin/stats/active-users", null, 401, 403, 200, 200),
                new Operation("POST", "/api/admin/exports", null, 401, 202, 202, 202),
                new Operation("GET", "/api/admin/exports", null, 401, 403, 403, 200),
                new Operation("GET", "/api/admin/exports/" + any, null, 401, 404, 404, 404),
                new Operation("GET", "/api/admin/exports/download/" + CODE, null, 404, 404, 404, 404),
                new Operation("GET", "/api/admin/dead-letters", null, 401, 403, 403, 200),
                new Operation("POST", "/api/admin/dead-letters/" + any + "/replay", null, 401, 403, 403, 404),
                new Operation(
                        "POST", "/api/admin/dead-letters/replay-all?topic=no-such-topic", null, 401, 403, 403, 200),
                new Operation("DELETE", "/api/admin/dead-letters/" + any, null, 401, 403, 403, 404));
    }

    private static RequestSpecification as(int caller) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        UUID id = UUID.randomUUID();
        return switch (caller) {
            case 0 -> request;
            case 1 -> request.auth().oauth2(TestJwt.token(id, "plain", "user"));
            case 2 -> request.auth().oauth2(TestJwt.token(id, "mod", "user", "moderator"));
            default -> request.auth().oauth2(TestJwt.token(id, "boss", "user", "admin"));
        };
    }

    @Test
    void everyOperationAnswersEachKindOfCallerAsTheTableSays() {
        UUID target = UUID.randomUUID();
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations(target)) {
            for (int caller = 0; caller < CALLERS.length; caller++) {
                RequestSpecification request = as(caller);
                if (op.body() != null) {
                    request.body(op.body());
                }
                Response response = request.request(op.method(), op.path());
                if (response.statusCode() != op.expected(caller)) {
                    wrong.add(op.method() + " " + op.path() + " as " + CALLERS[caller] + ": " + response.statusCode()
                            + ", expected " + op.expected(caller));
                } else if (response.statusCode() >= 400
                        && !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(op.method() + " " + op.path() + " as " + CALLERS[caller] + ": not problem+json");
                }
            }
        }
        assertEquals(List.of(), wrong);
        // only the moderator's and the administrator's warnings were imposed
        assertEquals(2, rows.events(Topics.USER_WARNED, target).size());
    }

    @Test
    void tokensThatAreNotValidAreRefused() {
        UUID id = UUID.randomUUID();
        given().auth()
                .oauth2(TestJwt.signedByOtherKey(id, "mod"))
                .get("/api/admin/cases")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestJwt.expired(id, "mod"))
                .get("/api/admin/cases")
                .then()
                .statusCode(401);
        given().auth().oauth2("not.a.token").get("/api/admin/cases").then().statusCode(401);
    }

    @Test
    void theReportedUserCannotSeeTheCaseNorWhoReportedThem() {
        UUID reported = UUID.randomUUID();
        UUID reporter = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        report(UUID.randomUUID(), "post", post, reported, reporter, "spam");
        await().atMost(WAIT).until(() -> rows.openCase("post", post) != null);
        UUID caseId = rows.openCase("post", post);
        Moderation.user(reported).get("/api/admin/cases/" + caseId).then().statusCode(403);
        Moderation.user(reported).get("/api/admin/cases").then().statusCode(403);
        // resolving sends the reported user a notice that names no reporter
        Moderation.moderator()
                .body("{\"action\":\"warn\",\"reason\":\"spam\"}")
                .post("/api/admin/cases/" + caseId + "/resolve")
                .then()
                .statusCode(200);
        String notice =
                rows.events(Topics.SANCTION_NOTICE_REQUESTED, reported).get(0).toString();
        String warned = rows.events(Topics.USER_WARNED, reported).get(0).toString();
        assertTrue(
                !notice.contains(reporter.toString()) && !warned.contains(reporter.toString()),
                "nothing the reported user is told names the reporter");
        // a plain user's attempt to sanction has no effect
        UUID victim = UUID.randomUUID();
        Moderation.user(reported)
                .body("{\"userId\":\"" + victim + "\",\"action\":\"ban\",\"reason\":\"revenge\"}")
                .post("/api/admin/sanctions")
                .then()
                .statusCode(403);
        assertTrue(rows.events(Topics.USER_SUSPENDED, victim).isEmpty());
    }
}
