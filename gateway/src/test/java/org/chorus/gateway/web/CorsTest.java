package org.chorus.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Browser apps on the configured origins (%test: https://app.example.org) may call the API; others may not. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class CorsTest {

    private static final String APP = "https://app.example.org";

    @Test
    void aPreflightFromTheAppIsAnsweredWithoutAToken() {
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/users/me")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("authorization"))
                .header("Access-Control-Max-Age", "3600");
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/users/me")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theAppCanReadTheAnswerAndTheHeadersItNeeds() {
        given().header("Origin", APP)
                .auth()
                .oauth2(TestKeys.validToken())
                .get("/api/feed")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }

    @Test
    void theGatewaysOwnErrorsCarryCorsHeadersSoTheAppCanReadThem() {
        given().header("Origin", APP)
                .get("/api/feed")
                .then()
                .statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo(APP));
    }
}
