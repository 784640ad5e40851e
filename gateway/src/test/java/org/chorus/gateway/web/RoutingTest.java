package org.chorus.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class RoutingTest {

    @ParameterizedTest
    @CsvSource({
        "/api/auth/login, login",
        "/api/users/me, users",
        "/api/friends/requests, users",
        "/api/posts/p1, content",
        "/api/comments/c1, content",
        "/api/feed, content",
        "/api/pages/about, content",
        "/api/admin/queue, admin",
        "/api/notifications/unread, notifications"
    })
    void eachPrefixReachesItsServiceWithThePathUnchanged(String path, String upstream) {
        given().auth()
                .oauth2(TestKeys.validToken())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("upstream", is(upstream))
                .body("path", is(path))
                .body("method", is("GET"));
    }

    @Test
    void methodBodyQueryAndContentTypePassThroughUnchanged() {
        String body = "{\"text\":\"hello, chorus\",\"tags\":[\"a\",\"b\"]}";
        given().auth()
                .oauth2(TestKeys.validToken())
                .contentType("application/json")
                .body(body)
                .when()
                .put("/api/posts/p1?draft=true&tag=a&tag=b")
                .then()
                .statusCode(200)
                .body("method", is("PUT"))
                .body("path", is("/api/posts/p1"))
                .body("query", is("draft=true&tag=a&tag=b"))
                .body("headers.content-type[0]", startsWith("application/json"))
                .body("body", is(body));
    }

    @Test
    void aLargeBodyStreamsThroughWhole() {
        String body = "x".repeat(3 * 1024 * 1024);
        given().auth()
                .oauth2(TestKeys.validToken())
                .contentType("text/plain")
                .body(body)
                .when()
                .post("/api/posts")
                .then()
                .statusCode(200)
                .body("body.length()", is(body.length()));
    }

    @Test
    void theServicesStatusComesBackAsItIs() {
        given().auth()
                .oauth2(TestKeys.validToken())
                .when()
                .get("/api/users/nobody?status=404")
                .then()
                .statusCode(404)
                .body("upstream", is("users"));
    }

    @Test
    void anUnknownApiPathIs404ProblemJson() {
        given().auth()
                .oauth2(TestKeys.validToken())
                .when()
                .get("/api/unknown/thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://chorus.dev/problems/not-found"))
                .body("title", is("Not found"))
                .body("status", is(404))
                .body("detail", equalTo("No service answers this path"));
    }

    @Test
    void aPrefixOnlyMatchesWholeSegments() {
        given().when().get("/api/usersx/me").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void dotSegmentsCannotSneakPastTheChecks() {
        // "/api/pages/.." would be public to the gateway but mean /api/admin to a service that normalises
        given().urlEncodingEnabled(false)
                .when()
                .get("/api/pages/../admin/queue")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://chorus.dev/problems/bad-path"));
        given().urlEncodingEnabled(false)
                .when()
                .get("/api/pages/%2E%2E/admin/queue")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
