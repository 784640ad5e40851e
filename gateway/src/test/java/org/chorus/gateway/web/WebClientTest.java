package org.chorus.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Paths outside /api and /q are the web client (META-INF/resources: its index page loads /app/main.js). */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class WebClientTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/index.html",
                "/reset-password",
                "/verify-email",
                "/login-link",
                "/appeal",
                "/unsubscribe",
                "/feed",
                "/users/42/friends"
            })
    void theClientsRoutesServeItsIndexPage(String path) {
        given().queryParam("token", "abc")
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<script type=\"module\" src=\"/app/main.js\"></script>"))
                .header("Content-Security-Policy", EdgeHandler.CSP)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void itsFilesAreServedAsTheyAre() {
        given().get("/app/main.js")
                .then()
                .statusCode(200)
                .body(containsString("export"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aMissingFileIs404ProblemNotTheIndexPage() {
        EdgeTest.problem(given().get("/missing.css").then(), 404, "not-found");
    }

    @Test
    void apiPathsNeverFallBackToThePage() {
        EdgeTest.problem(given().get("/api/unknown").then(), 404, "not-found");
    }
}
