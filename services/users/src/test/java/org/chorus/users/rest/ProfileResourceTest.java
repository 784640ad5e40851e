package org.chorus.users.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProfileResourceTest {

    @Test
    void meReturnsTheCallersOwnProfile() {
        TestUser me = TestUsers.existing();
        me.request()
                .get("/api/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(me.id().toString()))
                .body("username", equalTo(me.username()))
                .body("visibility", equalTo("PUBLIC"))
                .body("avatarUrl", equalTo("/api/users/" + me.id() + "/avatar"))
                .body("limited", equalTo(false));
    }

    @Test
    void anotherUsersPublicProfileIsShownInFull() {
        TestUser me = TestUsers.existing();
        TestUser other = TestUsers.existing();
        me.request()
                .get("/api/users/" + other.id())
                .then()
                .statusCode(200)
                .body("id", equalTo(other.id().toString()))
                .body("username", equalTo(other.username()))
                .body("visibility", equalTo("PUBLIC"));
    }

    @Test
    void unknownProfileIs404ProblemJson() {
        TestUser me = TestUsers.existing();
        me.request()
                .get("/api/users/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", startsWith("https://chorus.dev/problems/"));
    }

    @Test
    void malformedIdsAre404ProblemJsonNever500() {
        TestUser me = TestUsers.existing();
        for (String bad :
                new String[] {"not-a-uuid", "1-1-1-1-1", "123", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", me.id() + "x"
                }) {
            me.request().get("/api/users/" + bad).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void aTokenWhoseUserHasNoProfileGets404ForMe() {
        String token = TestJwt.token(UUID.randomUUID(), TestUsers.randomUsername(), "user");
        given().auth()
                .oauth2(token)
                .get("/api/users/me")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutATokenItIs401ProblemWithBearerChallenge() {
        TestUser other = TestUsers.existing();
        given().get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/api/users/" + other.id()).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenIs401() {
        TestUser me = TestUsers.existing();
        given().auth()
                .oauth2(TestJwt.expired(me.id(), me.username()))
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        TestUser me = TestUsers.existing();
        given().auth()
                .oauth2(TestJwt.signedByOtherKey(me.id(), me.username()))
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tamperedTokenIs401() {
        TestUser me = TestUsers.existing();
        TestUser victim = TestUsers.existing();
        String[] parts = me.token().split("\\.");
        // swap in a payload naming someone else while keeping my signature
        String forgedPayload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(
                                java.util.Base64.getUrlDecoder().decode(parts[1]),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .replace(me.id().toString(), victim.id().toString())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().auth()
                .oauth2(parts[0] + "." + forgedPayload + "." + parts[2])
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2("not.a.jwt")
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
