package org.chorus.login.rest;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.chorus.login.support.Accounts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SignupResourceTest {

    private static Map<String, Object> body(String email, String username, String password) {
        return Map.of("email", email, "username", username, "password", password);
    }

    @Test
    void signUpAnswers201WithLocationAndTheNormalisedAccountButNeverTheHash() {
        String username = Accounts.randomUsername();
        ExtractableResponse<Response> response = given().contentType(ContentType.JSON)
                .body(body("  " + username.toUpperCase() + "@Example.ORG ", username.toUpperCase(), Accounts.PASSWORD))
                .post("/api/auth/signup")
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("email", equalTo(username + "@example.org"))
                .body("username", equalTo(username))
                .body("emailVerified", equalTo(false))
                .body("createdAt", notNullValue())
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("passwordHash")))
                .extract();
        String id = response.path("id");
        assertTrue(response.header("Location").endsWith("/api/auth/accounts/" + id), response.header("Location"));
        assertFalse(response.asString().contains("argon2"), "the hash never leaves the service");
    }

    @Test
    void aTakenEmailAddressIs409WhateverItsCase() {
        Accounts.SignedUp existing = Accounts.signUp();
        given().contentType(ContentType.JSON)
                .body(body(existing.email().toUpperCase(), Accounts.randomUsername(), Accounts.PASSWORD))
                .post("/api/auth/signup")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/email-taken"))
                .body("status", equalTo(409));
    }

    @Test
    void aTakenUsernameIs409WhateverItsCase() {
        Accounts.SignedUp existing = Accounts.signUp();
        given().contentType(ContentType.JSON)
                .body(body(
                        Accounts.randomUsername() + "@example.org",
                        existing.username().toUpperCase(),
                        Accounts.PASSWORD))
                .post("/api/auth/signup")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/username-taken"));
    }

    @Test
    void invalidFieldsAre400WithOneFieldErrorEach() {
        given().contentType(ContentType.JSON)
                .body(body("not-an-address", "a!", "short"))
                .post("/api/auth/signup")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation"))
                .body("errors.field", containsInAnyOrder("email", "username", "password"));
    }

    @Test
    void anAddressWithoutADomainDotIsRejected() {
        given().contentType(ContentType.JSON)
                .body(body("ada@localhost", Accounts.randomUsername(), Accounts.PASSWORD))
                .post("/api/auth/signup")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("email"));
    }

    @Test
    void usernamesOutsideTheRuleAreRejected() {
        for (String username : new String[] {"ab", "a".repeat(31), "with space", "dash-ed", "ümlaut"}) {
            given().contentType(ContentType.JSON)
                    .body(body(Accounts.randomUsername() + "@example.org", username, Accounts.PASSWORD))
                    .post("/api/auth/signup")
                    .then()
                    .statusCode(400)
                    .body("errors.field", containsInAnyOrder("username"));
        }
    }

    @Test
    void passwordsShorterThan8OrLongerThan128AreRejected() {
        for (String password : new String[] {"1234567", "x".repeat(129)}) {
            given().contentType(ContentType.JSON)
                    .body(body(Accounts.randomUsername() + "@example.org", Accounts.randomUsername(), password))
                    .post("/api/auth/signup")
                    .then()
                    .statusCode(400)
                    .body("errors.field", containsInAnyOrder("password"));
        }
    }

    @Test
    void aPasswordEqualToTheUsernameOrEmailIsRejectedOnThePasswordField() {
        String username = Accounts.randomUsername();
        given().contentType(ContentType.JSON)
                .body(body(username + "@example.org", username, username.toUpperCase()))
                .post("/api/auth/signup")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("password"))
                .body("errors.message", hasItem("must not be the username or the e-mail address"));
        given().contentType(ContentType.JSON)
                .body(body(username + "@example.org", username, username + "@example.org"))
                .post("/api/auth/signup")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("password"));
    }

    @Test
    void aCommonPasswordIsRejectedOnThePasswordField() {
        given().contentType(ContentType.JSON)
                .body(body(Accounts.randomUsername() + "@example.org", Accounts.randomUsername(), "Password123"))
                .post("/api/auth/signup")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("password"))
                .body("errors.message", hasItem("is one of the most common passwords; choose another"));
    }

    @Test
    void reservedUsernamesAreRejectedOnTheUsernameField() {
        for (String username : new String[] {"admin", "Sup.Port", "r_o_o_t"}) {
            given().contentType(ContentType.JSON)
                    .body(body(Accounts.randomUsername() + "@example.org", username, Accounts.PASSWORD))
                    .post("/api/auth/signup")
                    .then()
                    .statusCode(400)
                    .body("errors.field", containsInAnyOrder("username"))
                    .body("errors.message", hasItem("is reserved"));
        }
    }

    @Test
    void aMissingOrMalformedBodyIs400ProblemJson() {
        given().contentType(ContentType.JSON)
                .post("/api/auth/signup")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"email\": ")
                .post("/api/auth/signup")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"email\": 12, \"username\": [], \"password\": {}}")
                .post("/api/auth/signup")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
