package org.chorus.users.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What operators and the launcher rely on: health, metrics and the API description, all without a token. */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OperationalEndpointsTest {

    @Test
    void livenessAndReadinessAreUpWithTheDatabaseChecked() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void prometheusMetricsIncludeHttpServerRequests() {
        given().get("/api/users/me").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void openApiDescribesTheServiceAndItsBearerScheme() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Chorus users"))
                .body("components.securitySchemes.jwt.scheme", equalTo("bearer"));
    }
}
