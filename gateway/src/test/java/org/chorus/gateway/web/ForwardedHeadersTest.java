package org.chorus.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

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
class ForwardedHeadersTest {

    @Test
    void theServiceLearnsTheRealClientAddressSchemeAndHost() {
        given().auth()
                .oauth2(TestKeys.validToken())
                .when()
                .get("/api/feed")
                .then()
                .statusCode(200)
                .body("headers.x-forwarded-for", contains("127.0.0.1"))
                .body("headers.x-forwarded-proto", contains("http"))
                .body("headers.x-forwarded-host[0]", matchesPattern("localhost:\\d+"));
    }

    @Test
    void forwardingHeadersFromTheClientAreReplacedNotPassedOn() {
        given().auth()
                .oauth2(TestKeys.validToken())
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/admin")
                .header("Forwarded", "for=6.6.6.6;proto=https")
                .header("X-Real-IP", "6.6.6.6")
                .when()
                .get("/api/feed")
                .then()
                .statusCode(200)
                .body("headers.x-forwarded-for", contains("127.0.0.1"))
                .body("headers.x-forwarded-proto", contains("http"))
                .body("headers.x-forwarded-host[0]", matchesPattern("localhost:\\d+"))
                .body("headers.x-forwarded-port", nullValue())
                .body("headers.x-forwarded-prefix", nullValue())
                .body("headers.forwarded", nullValue())
                .body("headers.x-real-ip", nullValue());
    }

    @Test
    void theAuthorizationHeaderTravelsOnUnchanged() {
        String token = TestKeys.validToken();
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/feed")
                .then()
                .statusCode(200)
                .body("headers.authorization", contains("Bearer " + token));
    }

    @Test
    void otherRequestHeadersPassThrough() {
        given().auth()
                .oauth2(TestKeys.validToken())
                .header("Accept-Language", "fr")
                .header("If-None-Match", "\"v1\"")
                .when()
                .get("/api/feed")
                .then()
                .statusCode(200)
                .body("headers.accept-language", contains("fr"))
                .body("headers.if-none-match", contains("\"v1\""))
                .body("upstream", is("content"));
    }
}
