package org.chorus.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class UpstreamFailuresTest {

    @Test
    void aServiceThatIsDownGives503ProblemJson() {
        FakeUpstreams.stopServer("notifications");
        try {
            given().auth()
                    .oauth2(TestKeys.validToken())
                    .header("X-Request-Id", "down-1")
                    .get("/api/notifications/unread")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("X-Request-Id", "down-1")
                    .body("type", is("https://chorus.dev/problems/upstream-unavailable"))
                    .body("status", is(503))
                    .body("detail", is("The notifications service cannot be reached right now; try again shortly"));
        } finally {
            FakeUpstreams.startServer("notifications");
        }
        given().auth()
                .oauth2(TestKeys.validToken())
                .get("/api/notifications/unread")
                .then()
                .statusCode(200)
                .body("upstream", is("notifications"));
    }

    @Test
    void aServiceTooSlowToAnswerGives504ProblemJson() {
        // the test configuration sets chorus.gateway.client.response-timeout=3s
        given().auth()
                .oauth2(TestKeys.validToken())
                .get("/api/posts/slow?ms=10000")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", is("https://chorus.dev/problems/upstream-timeout"))
                .body("status", is(504));
    }

    @Test
    void aServiceSlowButWithinTheTimeoutIsWaitedFor() {
        given().auth()
                .oauth2(TestKeys.validToken())
                .get("/api/posts/slow?ms=300")
                .then()
                .statusCode(200)
                .body("upstream", is("content"));
    }

    @Test
    void aServiceThatHangsUpGives502ProblemJson() {
        given().auth()
                .oauth2(TestKeys.validToken())
                .get("/api/admin/hangup")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", is("https://chorus.dev/problems/bad-gateway"))
                .body("status", is(502));
    }

    @Test
    void aPublicPathToADownServiceGives503Too() {
        FakeUpstreams.stopServer("users");
        try {
            given().get("/api/users/someone/avatar")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", is("https://chorus.dev/problems/upstream-unavailable"));
        } finally {
            FakeUpstreams.startServer("users");
        }
    }
}
