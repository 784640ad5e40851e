package org.chorus.gateway.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.UUID;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class RequestIdTest {

    @Test
    void aRequestWithoutIdGetsANewOneSentUpstreamAndReturned() {
        Response response = given().auth().oauth2(TestKeys.validToken()).get("/api/feed");
        response.then().statusCode(200);
        String returned = response.header("X-Request-Id");
        assertDoesNotThrow(() -> UUID.fromString(returned));
        assertEquals(List.of(returned), response.jsonPath().getList("headers.x-request-id"));
    }

    @Test
    void aWellFormedIncomingIdIsKeptForwardedAndReturned() {
        Response response = given().auth()
                .oauth2(TestKeys.validToken())
                .header("X-Request-Id", "client-trace.42")
                .get("/api/feed");
        response.then().statusCode(200).header("X-Request-Id", "client-trace.42");
        assertEquals(List.of("client-trace.42"), response.jsonPath().getList("headers.x-request-id"));
    }

    @Test
    void aMalformedIncomingIdIsReplaced() {
        String bad = "x".repeat(500);
        Response response = given().auth()
                .oauth2(TestKeys.validToken())
                .header("X-Request-Id", bad)
                .get("/api/feed");
        String returned = response.header("X-Request-Id");
        assertNotEquals(bad, returned);
        assertDoesNotThrow(() -> UUID.fromString(returned));
        assertEquals(List.of(returned), response.jsonPath().getList("headers.x-request-id"));
    }

    @Test
    void theGatewaysOwnErrorsCarryTheIdToo() {
        given().header("X-Request-Id", "on-404")
                .get("/api/nothing-here")
                .then()
                .statusCode(404)
                .header("X-Request-Id", "on-404");
        given().header("X-Request-Id", "on-401")
                .get("/api/feed")
                .then()
                .statusCode(401)
                .header("X-Request-Id", "on-401");
    }

    @Test
    void theGatewaysIdWinsOnceEvenIfTheServiceAnswersWithAnother() {
        Response response = given().auth()
                .oauth2(TestKeys.validToken())
                .header("X-Request-Id", "gateway-id")
                .get("/api/feed?setRequestId=service-id");
        response.then().statusCode(200);
        assertEquals(List.of("gateway-id"), response.headers().getValues("X-Request-Id"));
    }
}
