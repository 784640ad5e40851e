package org.chorus.login.rest;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SessionResourceTest {

    private static String sid(JsonPath tokens) {
        return (String) Jwts.claims(tokens.getString("accessToken")).get("sid");
    }

    private static JsonPath loginFrom(Accounts.SignedUp account, String userAgent) {
        return given().contentType(ContentType.JSON)
                .header("User-Agent", userAgent)
                .body(Map.of("login", account.username(), "password", Accounts.PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void listingShowsMyLiveSessionsWithDeviceDetailsAndMarksTheCurrentOne() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath phone = loginFrom(account, "Phone/1.0");
        JsonPath laptop = loginFrom(account, "Laptop/2.0");
        Accounts.signUp().login(); // someone else's session is never listed

        given().auth()
                .oauth2(laptop.getString("accessToken"))
                .get("/api/auth/sessions")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.id", containsInAnyOrder(sid(phone), sid(laptop)))
                .body("items.userAgent", containsInAnyOrder("Phone/1.0", "Laptop/2.0"))
                .body("items.find { it.id == '" + sid(laptop) + "' }.current", equalTo(true))
                .body("items.find { it.id == '" + sid(phone) + "' }.current", equalTo(false))
                .body("items[0].ip", notNullValue())
                .body("items[0].lastUsedAt", notNullValue())
                .body("nextCursor", nullValue());
    }

    @Test
    void listingIsPaginatedWithAnOpaqueCursor() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath a = account.login();
        JsonPath b = account.login();
        JsonPath c = account.login();
        String token = c.getString("accessToken");

        JsonPath page1 = given().auth()
                .oauth2(token)
                .queryParam("limit", 2)
                .get("/api/auth/sessions")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath();
        JsonPath page2 = given().auth()
                .oauth2(token)
                .queryParam("limit", 2)
                .queryParam("cursor", page1.getString("nextCursor"))
                .get("/api/auth/sessions")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath();
        java.util.List<String> all = new java.util.ArrayList<>(page1.getList("items.id"));
        all.addAll(page2.getList("items.id"));
        org.hamcrest.MatcherAssert.assertThat(all, containsInAnyOrder(sid(a), sid(b), sid(c)));
    }

    @Test
    void badPaginationParametersAre400() {
        String token = Accounts.signUp().login().getString("accessToken");
        given().auth()
                .oauth2(token)
                .queryParam("cursor", "garbage!")
                .get("/api/auth/sessions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .queryParam("limit", 0)
                .get("/api/auth/sessions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .queryParam("limit", 101)
                .get("/api/auth/sessions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aLimitThatIsNoNumberIsThe400InvalidLimitOfEveryList() {
        String token = Accounts.signUp().login().getString("accessToken");
        for (String limit : new String[] {"abc", "1.5", "99999999999", "-1"}) {
            given().auth()
                    .oauth2(token)
                    .queryParam("limit", limit)
                    .get("/api/auth/sessions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://chorus.dev/problems/invalid-limit"));
        }
    }

    @Test
    void aMalformedSessionIdNamesNoSession() {
        String token = Accounts.signUp().login().getString("accessToken");
        for (String id : new String[] {"not-a-uuid", "1-1-1-1-1"}) {
            given().auth()
                    .oauth2(token)
                    .delete("/api/auth/sessions/" + id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void revokingOneOfMySessionsEndsItAndOnlyIt() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath phone = account.login();
        JsonPath laptop = account.login();

        given().auth()
                .oauth2(laptop.getString("accessToken"))
                .delete("/api/auth/sessions/" + sid(phone))
                .then()
                .statusCode(204);

        LoginResourceTest.refresh(phone.getString("refreshToken")).then().statusCode(401);
        given().auth()
                .oauth2(phone.getString("accessToken"))
                .get("/api/auth/me")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(laptop.getString("accessToken"))
                .get("/api/auth/me")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(laptop.getString("accessToken"))
                .delete("/api/auth/sessions/" + sid(phone))
                .then()
                .statusCode(404);
    }

    @Test
    void someoneElsesSessionIsNotFoundAndStaysAlive() {
        JsonPath mine = Accounts.signUp().login();
        JsonPath theirs = Accounts.signUp().login();
        given().auth()
                .oauth2(mine.getString("accessToken"))
                .delete("/api/auth/sessions/" + sid(theirs))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        LoginResourceTest.refresh(theirs.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void revokeOthersKeepsOnlyTheCallingSession() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath a = account.login();
        JsonPath b = account.login();
        JsonPath current = account.login();

        given().auth()
                .oauth2(current.getString("accessToken"))
                .post("/api/auth/sessions/revoke-others")
                .then()
                .statusCode(200)
                .body("revoked", equalTo(2));

        LoginResourceTest.refresh(a.getString("refreshToken")).then().statusCode(401);
        LoginResourceTest.refresh(b.getString("refreshToken")).then().statusCode(401);
        given().auth()
                .oauth2(current.getString("accessToken"))
                .get("/api/auth/sessions")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(sid(current)));
    }

    @Test
    void sessionsNeedAToken() {
        given().get("/api/auth/sessions").then().statusCode(401).contentType("application/problem+json");
    }
}
