package org.chorus.login.rest;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.chorus.events.Events;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AccountDeletionTest {

    @Inject
    Db db;

    @Inject
    RedisDataSource redis;

    @Test
    void deletingNeedsThePasswordAgain() {
        Accounts.SignedUp account = Accounts.signUp();
        String access = account.login().getString("accessToken");
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("password", "not it"))
                .delete("/api/auth/account")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("password"));
        given().auth().oauth2(access).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void deletionErasesTheAccountEndsEverySessionAndEmitsUserDeleted() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath other = account.login();
        String access = account.login().getString("accessToken");

        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD))
                .delete("/api/auth/account")
                .then()
                .statusCode(204);

        assertEquals(0L, ((Number) db.single("select count(*) from account where id = ?1", account.id())).longValue());
        assertEquals(
                0L,
                ((Number) db.single("select count(*) from login_session where account_id = ?1", account.id()))
                        .longValue());
        given().auth().oauth2(access).get("/api/auth/me").then().statusCode(401);
        LoginResourceTest.refresh(other.getString("refreshToken")).then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("login", account.username(), "password", Accounts.PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(401);
        assertNotNull(redis.value(String.class).get("login:deny:user:" + account.id()));
        TestEvents.await(
                Events.USER_DELETED.topic(), r -> account.id().toString().equals(r.key()), Duration.ofSeconds(20));
        // login confirms its own erasure for admin's tracking, written with the deletion
        JsonPath confirmed = JsonPath.from(TestEvents.await(
                        Events.ERASURE_CONFIRMED.topic(),
                        r -> account.id().toString().equals(r.key()),
                        Duration.ofSeconds(20))
                .value());
        assertEquals(account.id().toString(), confirmed.getString("userId"));
        assertEquals("login", confirmed.getString("service"));
        assertNotNull(confirmed.getString("erasedAt"));
        // the name is free again
        given().contentType(ContentType.JSON)
                .body(Map.of("email", account.email(), "username", account.username(), "password", Accounts.PASSWORD))
                .post("/api/auth/signup")
                .then()
                .statusCode(201);
    }
}
