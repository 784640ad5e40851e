package org.chorus.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class HeadersTest {

    @Test
    void everyAnswerForbidsContentSniffing() {
        given().contentType(ContentType.JSON).body("{\"email\":\"a@b.org\",\"name\":\"abc\",\"count\":1}")
                .when().post("/probe").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().when().get("/probe/conflict").then().statusCode(409).header("X-Content-Type-Options", "nosniff");
        given().when().get("/no/such/path").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
        given().urlEncodingEnabled(false).when().get("/probe/search?q=%00")
                .then().statusCode(400).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void anAnswerCarryingASecretIsNeverStored() {
        given().when().post("/probe/token").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .body("accessToken", equalTo("secret"));
    }

    @Test
    void otherAnswersAreNotMarkedNoStore() {
        given().when().get("/probe/page?limit=1").then().statusCode(200).header("Cache-Control", nullValue());
    }
}
