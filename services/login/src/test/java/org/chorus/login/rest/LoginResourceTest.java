package org.chorus.login.rest;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.chorus.login.support.Accounts;
import org.chorus.login.support.Jwts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class LoginResourceTest {

    private static Response attempt(String login, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", password))
                .post("/api/auth/login");
    }

    @Test
    void loginWithUsernameGivesABearerPairWithTheArchitectureClaims() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath tokens = Accounts.login(account.username(), Accounts.PASSWORD);

        assertEquals("Bearer", tokens.getString("tokenType"));
        assertEquals(600, tokens.getInt("expiresIn"));
        assertTrue(tokens.getString("refreshToken").length() >= 43, "256-bit refresh token");
        Map<String, Object> claims = Jwts.claims(tokens.getString("accessToken"));
        Map<String, Object> header = Jwts.header(tokens.getString("accessToken"));
        assertEquals("RS256", header.get("alg"));
        assertTrue(header.get("kid") instanceof String);
        assertEquals("http://localhost:8080", claims.get("iss"));
        assertEquals(account.id().toString(), claims.get("sub"));
        assertEquals(account.username(), claims.get("upn"));
        assertEquals(java.util.List.of("user"), claims.get("groups"));
        assertEquals(false, claims.get("email_verified"));
        assertTrue(claims.get("sid") instanceof String);
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertEquals(600, lifetime);
    }

    @Test
    void loginWithTheEmailAddressInAnyCaseWorks() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath tokens = Accounts.login(account.email().toUpperCase(), Accounts.PASSWORD);
        assertEquals(
                account.id().toString(),
                Jwts.claims(tokens.getString("accessToken")).get("sub"));
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSame401() {
        Accounts.SignedUp account = Accounts.signUp();
        Response wrongPassword = attempt(account.username(), "not the password at all");
        Response unknownUser = attempt("nobody_" + account.username(), "not the password at all");

        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownUser.statusCode());
        assertEquals("application/problem+json", wrongPassword.contentType());
        assertEquals(wrongPassword.asString(), unknownUser.asString(), "same body: no user enumeration");
        wrongPassword.then().body("type", endsWith("/invalid-credentials"));
    }

    @Test
    void aBlankLoginIs400() {
        given().contentType(ContentType.JSON)
                .body(Map.of("login", " ", "password", "x"))
                .post("/api/auth/login")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("login"));
    }

    @Test
    void refreshRotatesTheRefreshTokenAndKeepsTheSession() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath first = account.login();
        JsonPath second = refresh(first.getString("refreshToken"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
        assertEquals(
                Jwts.claims(first.getString("accessToken")).get("sid"),
                Jwts.claims(second.getString("accessToken")).get("sid"),
                "same session");
        // the new refresh token works in turn
        refresh(second.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void anUnknownRefreshTokenIs401() {
        refresh("this-is-not-a-refresh-token")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-refresh-token"));
    }

    @Test
    void logoutRevokesTheSessionForRefreshAndForTheAccessToken() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath tokens = account.login();
        String access = tokens.getString("accessToken");

        given().auth()
                .oauth2(access)
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(account.username()));
        given().auth().oauth2(access).post("/api/auth/logout").then().statusCode(204);

        refresh(tokens.getString("refreshToken")).then().statusCode(401);
        given().auth()
                .oauth2(access)
                .get("/api/auth/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(access).post("/api/auth/logout").then().statusCode(401);
    }

    @Test
    void logoutEndsOnlyThatSession() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath phone = account.login();
        JsonPath laptop = account.login();
        given().auth()
                .oauth2(phone.getString("accessToken"))
                .post("/api/auth/logout")
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(laptop.getString("accessToken"))
                .get("/api/auth/me")
                .then()
                .statusCode(200);
        refresh(laptop.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void logoutWithoutATokenIs401WithABearerChallenge() {
        given().post("/api/auth/logout")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
    }

    static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refreshToken))
                .post("/api/auth/refresh");
    }
}
