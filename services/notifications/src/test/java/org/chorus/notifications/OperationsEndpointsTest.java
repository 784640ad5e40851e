package org.chorus.notifications;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.OperationsEndpointsContract;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected String openApiTitle() {
        return "Chorus notifications";
    }

    @Test
    void metricsExposeTheDeliveryOutcomeCounters() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("chorus_notifications_deliveries_total{outcome=\"sent\""))
                .body(containsString("chorus_notifications_deliveries_total{outcome=\"failed\""));
    }
}
