package org.chorus.gateway.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

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
class ObservabilityTest {

    @Test
    void readinessReportsTheDenyListsRedisAndNothingAboutUpstreams() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("deny-list (Redis)"))
                .body("checks.find { it.name == 'deny-list (Redis)' }.data.redis", is("up"))
                .body("checks.size()", is(1));
    }

    @Test
    void readinessDoesNotDependOnTheServicesBeingUp() {
        FakeUpstreams.stopServer("admin");
        try {
            given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        } finally {
            FakeUpstreams.startServer("admin");
        }
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void metricsNameRequestsByRouteNotByRawPath() {
        given().auth()
                .oauth2(TestKeys.validToken())
                .get("/api/users/0b9f6d5e-metrics/profile")
                .then()
                .statusCode(200);
        given().get("/api/feed").then().statusCode(401);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("uri=\"/api/users/**\""))
                .body(containsString("chorus_gateway_auth_rejected_total{reason=\"missing\"}"))
                .body(org.hamcrest.Matchers.not(containsString("0b9f6d5e-metrics")));
    }

    @Test
    void theGatewayPublishesItsOwnOpenApi() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", is("Chorus gateway"))
                .body("components.schemas.Problem.properties.type.format", is("uri"));
    }
}
