package org.chorus.login.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.chorus.login.support.Accounts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Answers that carry a secret are never stored by a browser or proxy (RFC 6749 §5.1), every answer forbids
 * content sniffing, and the bad input of issue 15 is a 400 problem+json, not a 500.
 */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class SecretAnswersTest {

    @Test
    void tokensRefreshAndNewCredentialsAreNoStore() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath tokens = given().contentType(ContentType.JSON)
                .body(Map.of("login", account.username(), "password", Accounts.PASSWORD))
                .when().post("/api/auth/login")
                .then().statusCode(200)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .extract().jsonPath();
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", tokens.getString("refreshToken")))
                .when().post("/api/auth/refresh")
                .then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(tokens.getString("accessToken")).contentType(ContentType.JSON).body(Map.of("name", "bot"))
                .when().post("/api/auth/credentials")
                .then().statusCode(201).header("Cache-Control", "no-store").body("secretKey", notNullValue());
    }

    @Test
    void aKeyTwiceInARefreshIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"a\",\"refreshToken\":\"b\"}")
                .when().post("/api/auth/refresh")
                .then().statusCode(400).contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aNulInALoginOrATokenExchangeIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"login\":\"a\\u0000b\",\"password\":\"whatever it is\"}")
                .when().post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("login"));
        given().contentType(ContentType.JSON).body("{\"publicKey\":\"pk_\\u0000\",\"secretKey\":\"sk_x\"}")
                .when().post("/api/auth/token")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("publicKey"));
    }
}
