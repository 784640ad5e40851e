package org.chorus.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A strict body ({@code @CustomDeserialization(StrictReader.class)}): no unknown field, no number posing as text. */
@QuarkusTest
class StrictReaderTest {

    @Test
    void aBodyOfKnownFieldsIsRead() {
        post("{\"text\":\"hello\"}").statusCode(200).body("text", equalTo("hello"));
    }

    @Test
    void anUnknownFieldIsA400() {
        post("{\"text\":\"hello\",\"id\":\"mine\"}").statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aNumberOrABooleanWhereTextBelongsIsA400() {
        for (String body : new String[] {"{\"text\":5}", "{\"text\":1.5}", "{\"text\":true}"}) {
            post(body).statusCode(400).contentType(Problem.MEDIA_TYPE);
        }
    }

    @Test
    void theSharedRulesStillHoldOnTheStrictCopy() {
        post("{\"text\":\"a\",\"text\":\"b\"}")
                .statusCode(400)
                .body("type", equalTo("https://chorus.dev/problems/malformed-json"));
        post("{\"text\":\"a\\u0000b\"}")
                .statusCode(400)
                .body("type", equalTo("https://chorus.dev/problems/validation"));
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/probe/strict")
                .then();
    }
}
