package org.chorus.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProblemMappersTest {

    @Test
    void invalidFieldsAreListedByTheirJsonNames() {
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"nope\",\"name\":\"ab\",\"count\":1}")
                .when()
                .post("/probe")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://chorus.dev/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("email", "name"));
    }

    @Test
    void aMissingBodyIsABadRequest() {
        given().contentType(ContentType.JSON)
                .when()
                .post("/probe")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        given().contentType(ContentType.JSON)
                .body("{\"email\": ")
                .when()
                .post("/probe")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://chorus.dev/problems/malformed-json"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"a@b.org\",\"name\":\"abc\",\"count\":\"many\"}")
                .when()
                .post("/probe")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("count"));
    }

    @Test
    void aQueryParameterOutOfRangeNamesTheParameter() {
        given().queryParam("limit", 1000)
                .when()
                .get("/probe/page")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aProblemExceptionKeepsItsStatusAndType() {
        given().when()
                .get("/probe/conflict")
                .then()
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://chorus.dev/problems/username-taken"))
                .body("detail", equalTo("That username is taken"));
    }

    @Test
    void aTransactionLostToAConcurrentOneIsA503ToRetryNotA500() {
        given().when()
                .get("/probe/deadlock")
                .then()
                .statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "1")
                .body("type", equalTo("https://chorus.dev/problems/concurrent-change"))
                .body(not(containsString("deadlock")));
    }

    @Test
    void anUnexpectedErrorRevealsNothingAboutTheCode() {
        given().when()
                .get("/probe/boom")
                .then()
                .statusCode(500)
                .contentType(Problem.MEDIA_TYPE)
                .body(not(containsString("org.chorus")))
                .body(not(containsString("secret")))
                .body("type", equalTo("https://chorus.dev/problems/internal"));
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        given().when()
                .get("/nothing-here")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }

    @Test
    void aWrongMethodIsAMethodNotAllowedProblem() {
        given().when().delete("/probe/conflict").then().statusCode(405).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aProtectedResourceWithoutIdentityIsUnauthorizedWithBearerChallenge() {
        given().when()
                .get("/probe/secured")
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer");
    }
}
