package org.chorus.notifications;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithTheDatabaseAndKafkaConnected() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsExposeTheDeliveryOutcomeCounters() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("chorus_notifications_deliveries_total{outcome=\"sent\""))
                .body(containsString("chorus_notifications_deliveries_total{outcome=\"failed\""));
    }

    @Test
    void openApiNamesTheService() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Chorus notifications"))
                .body("components.securitySchemes.jwt.scheme", equalTo("bearer"));
    }
}
