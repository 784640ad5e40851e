package org.chorus.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every Chorus service promises its operators: liveness and readiness (readiness needs only the
 * database, see {@link ReadinessContract}), Prometheus metrics, and an OpenAPI document that names the service and
 * declares the bearer scheme its operations refer to as {@code jwt}. A service's test extends it
 * in a {@code @QuarkusTest} and may add checks of its own.
 */
public abstract class OperationsEndpointsContract {

    /** The OpenAPI {@code info.title}, e.g. "Chorus admin". */
    protected abstract String openApiTitle();

    @Test
    void healthIsUpWithItsDependenciesConnected() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiNamesTheServiceAndItsJwtScheme() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo(openApiTitle()))
                .body("components.securitySchemes.jwt.scheme", equalTo("bearer"));
    }
}
