package org.chorus.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Issue 15 items 4 and 5: every answer of the gateway is problem+json with X-Request-Id, and carries its headers. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class EdgeTest {

    @TestHTTPResource("/")
    java.net.URL root;

    @Test
    void aLongUrlIs414ProblemJson() {
        problem(given().get("/api/posts/" + "a".repeat(9000)).then(), 414, "uri-too-long");
    }

    @Test
    void aHugeHeaderIs431ProblemJson() {
        problem(given().header("X-Big", "b".repeat(30_000)).get("/api/posts/1").then(), 431, "headers-too-large");
    }

    @Test
    void anUndecodableTargetIs400ProblemJson() throws Exception {
        // Quarkus would refuse these itself with an empty 400 before any handler (GatewayMain turns that off): the
        // edge step answers them, never forwards them
        for (String target : new String[] {"/api/posts?%=%", "/feed?q=%zz", "/api/posts?q=a|b", "/api/posts/%"}) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(
                    answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.toLowerCase().contains("x-request-id: "), answer);
            org.junit.jupiter.api.Assertions.assertTrue(
                    answer.contains("https://chorus.dev/problems/bad-request-target"), answer);
        }
    }

    @Test
    void theEntryPointTurnsOffQuarkusEmptyAnswerCheck() {
        // the switch GatewayMain sets in production; without it the test above would see Quarkus' empty 400
        org.junit.jupiter.api.Assertions.assertEquals(
                "true", System.getProperty(org.chorus.gateway.GatewayMain.DISABLE_URI_VALIDATION));
    }

    @Test
    void aPathClimbingOutOfApiIs404ProblemJsonNotHtml() throws Exception {
        // rest-assured would normalise the path; send it as a client would, byte for byte
        String answer =
                raw("GET /api/users/../../admin/stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(
                answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.toLowerCase().contains("x-request-id: "), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains("https://chorus.dev/problems/not-found"), answer);
    }

    @Test
    void unknownPathsAre404ProblemJson() {
        problem(given().get("/api/nothing-here").then(), 404, "not-found");
        problem(given().get("/no-such-file.js").then(), 404, "not-found");
        problem(given().get("/q/no-such-endpoint").then(), 404, "not-found");
        problem(given().post("/some/page").then(), 404, "not-found");
    }

    @Test
    void aForeignOriginIs403ProblemJsonForPreflightAndRequest() {
        problem(
                        given().header("Origin", "https://evil.example")
                                .header("Access-Control-Request-Method", "DELETE")
                                .options("/api/users/me")
                                .then(),
                        403,
                        "origin-not-allowed")
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Vary", containsString("Origin"));
        problem(
                given().header("Origin", "https://evil.example")
                        .auth()
                        .oauth2(TestKeys.validToken())
                        .get("/api/users/me")
                        .then(),
                403,
                "origin-not-allowed");
    }

    @Test
    void sameOriginRequestsPassWithoutBeingListed() {
        String self = root.toString().replaceAll("/$", "");
        given().header("Origin", self)
                .auth()
                .oauth2(TestKeys.validToken())
                .get("/api/users/me")
                .then()
                .statusCode(200)
                .body("upstream", is("users"));
    }

    @Test
    void everyAnswerSaysNosniffAndVaryOrigin() {
        given().auth()
                .oauth2(TestKeys.validToken())
                .get("/api/users/me")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Vary", containsString("Origin"))
                .header("X-Request-Id", notNullValue())
                // not HTML: no page policy, and plain HTTP: no HSTS
                .header("Content-Security-Policy", nullValue())
                .header("Strict-Transport-Security", nullValue());
        given().get("/api/feed").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Request-Id", notNullValue());
    }

    @Test
    void htmlAnswersCarryTheContentSecurityPolicy() {
        given().get("/api/docs/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", EdgeHandler.CSP)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }

    static ValidatableResponse problem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", matchesPattern("[A-Za-z0-9._:-]{1,128}"))
                .header("X-Content-Type-Options", "nosniff")
                .body("type", is("https://chorus.dev/problems/" + slug))
                .body("status", is(status))
                .body("title", notNullValue());
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
