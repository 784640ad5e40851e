package org.chorus.users.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** platform/web's input rules are wired into users: the inputs of issue 15 are 400 problem+json, not 500. */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class BadInputTest {

    private final String token = TestJwt.token(UUID.randomUUID(), "mallory");

    @Test
    void aKeyTwiceInABodyIsABadRequest() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"toUserId\":\"" + UUID.randomUUID() + "\",\"toUserId\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/friends/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"deviceId\":\"phone\",\"deviceId\":\"laptop\"}")
                .when().post("/api/users/me/presence")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aNulInThePeopleSearchIsABadRequest() {
        given().auth().oauth2(token).urlEncodingEnabled(false)
                .when().get("/api/users/search?q=%00ab")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://chorus.dev/problems/invalid-request-target"));
    }

    @Test
    void aNulInABodyStringIsABadRequest() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"deviceId\":\"ph\\u0000one\"}")
                .when().post("/api/users/me/presence")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("deviceId"))
                .body("errors[0].message", equalTo("must not contain a NUL character"));
    }
}
