package org.chorus.users.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProfileUpdateTest {

    private static ValidatableResponse patch(TestUser user, Object body) {
        return user.request()
                .contentType(ContentType.JSON)
                .body(body)
                .patch("/api/users/me")
                .then();
    }

    @Test
    void ownerChangesTheirProfileAndOthersSeeIt() {
        TestUser me = TestUsers.existing();
        patch(
                        me,
                        Map.of(
                                "displayName",
                                "  Ada Lovelace ",
                                "bio",
                                "Line one\nline two <b>not html</b>",
                                "website",
                                "https://ada.example/notes?x=1",
                                "location",
                                "London",
                                "language",
                                "en-GB"))
                .statusCode(200)
                .body("displayName", equalTo("Ada Lovelace"))
                .body("bio", equalTo("Line one\nline two <b>not html</b>"))
                .body("website", equalTo("https://ada.example/notes?x=1"))
                .body("language", equalTo("en-GB"));
        TestUsers.existing()
                .request()
                .get("/api/users/" + me.id())
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Ada Lovelace"))
                .body("location", equalTo("London"));
    }

    @Test
    void absentFieldsStayAndEmptyStringsClear() {
        TestUser me = TestUsers.existing();
        patch(me, Map.of("displayName", "Grace", "location", "Arlington")).statusCode(200);
        patch(me, Map.of("location", ""))
                .statusCode(200)
                .body("displayName", equalTo("Grace"))
                .body("$", not(hasKey("location")));
    }

    @Test
    void tooLongFieldsAre400WithFieldErrors() {
        TestUser me = TestUsers.existing();
        patch(me, Map.of("displayName", "x".repeat(51), "bio", "b".repeat(501), "location", "l".repeat(101)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("displayName"))
                .body("errors.field", hasItem("bio"))
                .body("errors.field", hasItem("location"));
        me.request().get("/api/users/me").then().body("displayName", nullValue());
    }

    @Test
    void onlyHttpAndHttpsWebsitesAreAccepted() {
        TestUser me = TestUsers.existing();
        for (String bad : new String[] {
            "javascript:alert(1)",
            "ftp://example.com",
            "example.com",
            "http://",
            "https://exa mple.com",
            "data:text/html,hi",
            "https://" + "a".repeat(200) + ".com"
        }) {
            patch(me, Map.of("website", bad))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("website"));
        }
        patch(me, Map.of("website", "http://example.com")).statusCode(200);
    }

    @Test
    void languageMustLookLikeALanguageTag() {
        TestUser me = TestUsers.existing();
        patch(me, Map.of("language", "english please")).statusCode(400).body("errors.field", hasItem("language"));
        patch(me, Map.of("language", "x".repeat(21))).statusCode(400);
        patch(me, Map.of("language", "pt-BR")).statusCode(200).body("language", equalTo("pt-BR"));
    }

    @Test
    void fieldsTheCallerMayNotSetAreRefusedAndNeverWritten() {
        TestUser me = TestUsers.existing();
        TestUser other = TestUsers.existing();
        for (Map<String, Object> body : new Map[] {
            Map.of("id", other.id().toString()),
            Map.of("username", "admin"),
            Map.of("roles", new String[] {"admin"}),
            Map.of("friendCount", 1000),
            Map.of("hidden", false),
            Map.of("displayName", "ok", "createdAt", "2000-01-01T00:00:00Z")
        }) {
            patch(me, body).statusCode(400).contentType("application/problem+json");
        }
        me.request()
                .get("/api/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(me.id().toString()))
                .body("username", equalTo(me.username()))
                .body("displayName", nullValue());
    }

    @Test
    void badBodiesAre400NotServerErrors() {
        TestUser me = TestUsers.existing();
        me.request()
                .contentType(ContentType.JSON)
                .body("{not json")
                .patch("/api/users/me")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        patch(me, Map.of("visibility", "EVERYONE")).statusCode(400).contentType("application/problem+json");
        patch(me, Map.of("displayName", Map.of("nested", "object")))
                .statusCode(400)
                .contentType("application/problem+json");
        me.request()
                .contentType(ContentType.JSON)
                .body("[]")
                .patch("/api/users/me")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aFriendsOnlyProfileShowsNonFriendsOnlyItsCard() {
        TestUser me = TestUsers.existing();
        patch(me, Map.of("displayName", "Private Me", "bio", "secret bio", "location", "Home", "visibility", "FRIENDS"))
                .statusCode(200)
                .body("visibility", equalTo("FRIENDS"));
        TestUser stranger = TestUsers.existing();
        stranger.request()
                .get("/api/users/" + me.id())
                .then()
                .statusCode(200)
                .body("id", equalTo(me.id().toString()))
                .body("username", equalTo(me.username()))
                .body("displayName", equalTo("Private Me"))
                .body("avatarUrl", equalTo("/api/users/" + me.id() + "/avatar"))
                .body("limited", equalTo(true))
                .body("$", not(hasKey("bio")))
                .body("$", not(hasKey("location")))
                .body("$", not(hasKey("website")))
                .body("$", not(hasKey("createdAt")));
        // the owner still sees everything
        me.request()
                .get("/api/users/me")
                .then()
                .body("bio", equalTo("secret bio"))
                .body("limited", equalTo(false));
    }

    @Test
    void aFriendsOnlyProfileIsShownInFullToAFriend() {
        TestUser me = TestUsers.existing();
        TestUser friend = TestUsers.existing();
        Friends.befriend(me, friend);
        patch(me, Map.of("bio", "for friends", "visibility", "FRIENDS")).statusCode(200);
        friend.request()
                .get("/api/users/" + me.id())
                .then()
                .statusCode(200)
                .body("bio", equalTo("for friends"))
                .body("limited", equalTo(false));
    }

    @Test
    void anotherUsersTokenOnlyEverChangesItsOwnProfile() {
        TestUser me = TestUsers.existing();
        TestUser attacker = TestUsers.existing();
        patch(attacker, Map.of("displayName", "Attacker"))
                .statusCode(200)
                .body("id", equalTo(attacker.id().toString()));
        me.request().get("/api/users/me").then().body("displayName", nullValue());
        // there is no way to address someone else's profile for writing
        attacker.request()
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "x"))
                .patch("/api/users/" + me.id())
                .then()
                .statusCode(405);
    }
}
