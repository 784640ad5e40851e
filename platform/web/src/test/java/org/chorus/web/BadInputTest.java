package org.chorus.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Input no service may answer with a 500: each is a 400 problem+json before any resource code runs. */
@QuarkusTest
class BadInputTest {

    private static final String VALID = "{\"email\":\"a@b.org\",\"name\":\"abc\",\"count\":1}";

    @Test
    void theSameKeyTwiceInABodyIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"email\":\"a@b.org\",\"email\":\"c@d.org\",\"name\":\"abc\",\"count\":1}")
                .when().post("/probe")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://chorus.dev/problems/malformed-json"));
    }

    @Test
    void theSameKeyTwiceInANestedObjectIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"tags\":[],\"labels\":{\"a\":\"1\",\"a\":\"2\"}}")
                .when().post("/probe/tags")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON).body("{\"x\":{\"y\":1,\"y\":2}}")
                .when().post("/probe/tree")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aValidBodyStillPasses() {
        given().contentType(ContentType.JSON).body(VALID)
                .when().post("/probe")
                .then().statusCode(200).body("name", equalTo("abc"));
    }

    @Test
    void aNulInAStringFieldNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"email\":\"a@b.org\",\"name\":\"a\\u0000b\",\"count\":1}")
                .when().post("/probe")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://chorus.dev/problems/validation"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not contain a NUL character"));
    }

    @Test
    void aNulInListElementsMapValuesAndMapKeysIsABadRequest() {
        for (String body : new String[] {
                "{\"tags\":[\"ok\",\"b\\u0000\"],\"labels\":{}}",
                "{\"tags\":[],\"labels\":{\"k\":\"v\\u0000\"}}",
                "{\"tags\":[],\"labels\":{\"k\\u0000\":\"v\"}}" }) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/probe/tags")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors.message", hasItem("must not contain a NUL character"));
        }
    }

    @Test
    void invalidUtf8InABodyIsABadRequest() {
        byte[] body = "{\"email\":\"a@b.org\",\"name\":\"ab?\",\"count\":1}".getBytes(StandardCharsets.US_ASCII);
        body[body.length - 15] = (byte) 0xC3; // a lead byte followed by a quote: not UTF-8
        given().contentType("application/json; charset=UTF-8").body(body)
                .when().post("/probe")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBodyNestedTooDeepIsABadRequest() {
        String deep = "[".repeat(JsonHardening.MAX_DEPTH + 1) + "]".repeat(JsonHardening.MAX_DEPTH + 1);
        given().contentType(ContentType.JSON).body(deep)
                .when().post("/probe/tree")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://chorus.dev/problems/json-limits"));
        String fine = "[".repeat(10) + "]".repeat(10);
        given().contentType(ContentType.JSON).body(fine)
                .when().post("/probe/tree")
                .then().statusCode(200);
    }

    @Test
    void aNulInAQueryOrPathParameterIsABadRequest() {
        given().urlEncodingEnabled(false).when().get("/probe/search?q=%00ab")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://chorus.dev/problems/invalid-request-target"));
        given().urlEncodingEnabled(false).when().get("/probe/items/a%00b")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().urlEncodingEnabled(false).when().get("/probe/search?q=caf%C3%A9")
                .then().statusCode(200).body(equalTo("café"));
    }

    @Test
    void invalidUtf8InTheUrlIsABadRequestProblem() {
        // HTTP clients refuse to send these, so they go over a plain socket, as an attacker sends them
        for (String target : new String[] { "/probe/search?q=%FF", "/probe/items/%C3", "/probe/search?q=%C3%28" }) {
            String answer = rawGet(target);
            assertTrue(answer.startsWith("HTTP/1.1 400"), target + " answered " + answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"),
                    target + " answered " + answer);
        }
    }

    @Test
    void aBrokenPercentEscapeIsRefusedBeforeAnyHandler() {
        // Vert.x's HTTP decoder refuses these itself, with an empty 400: never a 5xx (the gateway answers them
        // as problem+json for clients)
        for (String target : new String[] { "/probe/search?q=%", "/probe/search?%=%", "/probe/search?q=%zz" }) {
            String answer = rawGet(target);
            assertTrue(answer.startsWith("HTTP/1.1 400"), target + " answered " + answer);
        }
    }

    static String rawGet(String target) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
