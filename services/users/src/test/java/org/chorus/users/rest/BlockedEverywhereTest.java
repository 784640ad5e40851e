package org.chorus.users.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * "Blocking hides both users from each other everywhere in this service", checked against every
 * read the OpenAPI document lists (so a read added later is covered too): before the block the
 * other user can find me in several places, after it in none, and I cannot find them either.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class BlockedEverywhereTest {

    /** Reads that show a user by design whatever the blocks: the public avatar and my own block list. */
    private static final Set<String> EXEMPT = Set.of(
            "/api/users/{id}/avatar",
            "/api/users/{id}/avatar.svg",
            "/api/users/{id}/avatar.png",
            "/api/users/me/blocks");

    @SuppressWarnings("unchecked")
    private static List<String> readPaths() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> reads = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, ops) -> {
            if (ops.containsKey("get") && path.startsWith("/api/") && !EXEMPT.contains(path)) {
                reads.add(path);
            }
        });
        return reads;
    }

    /** Calls a read as {@code viewer} about {@code subject}: the subject fills every path parameter and the query. */
    private static Response read(TestUser viewer, String path, TestUser subject) {
        return viewer.request()
                .queryParam("q", subject.username())
                .queryParam("limit", 100)
                .get(path.replaceAll("\\{[^}]+}", subject.id().toString()));
    }

    /**
     * Whether the response lets the viewer know the subject exists: a read about the subject (a path
     * parameter) that succeeds, or a list that names them.
     */
    private static boolean reveals(String path, Response response, TestUser subject) {
        if (response.statusCode() != 200) {
            return false;
        }
        return path.contains("{") || response.asString().contains(subject.id().toString());
    }

    private static boolean reveals(TestUser viewer, String path, TestUser subject) {
        return reveals(path, read(viewer, path, subject), subject);
    }

    @Test
    void afterIBlockSomeoneWithAPendingRequestNoReadShowsUsToEachOther() {
        sweep(
                true,
                List.of(
                        "/api/users/{id}",
                        "/api/users/{id}/keys",
                        "/api/users/search",
                        "/api/friends/mutual/{userId}",
                        "/api/friends/requests/outgoing"));
    }

    @Test
    void afterIBlockAFriendOfAFriendNoReadShowsUsToEachOther() {
        sweep(
                false,
                List.of(
                        "/api/users/{id}",
                        "/api/users/{id}/keys",
                        "/api/users/search",
                        "/api/friends/mutual/{userId}",
                        "/api/friends/suggestions"));
    }

    private void sweep(boolean theyAskedMeToBeFriends, List<String> visibleBefore) {
        TestUser me = TestUsers.existing();
        TestUser them = TestUsers.existing();
        TestUser common = TestUsers.existing();
        Friends.befriend(me, common);
        Friends.befriend(them, common);
        if (theyAskedMeToBeFriends) {
            Friends.request(them, me);
        }
        me.request()
                .contentType(ContentType.JSON)
                .body(Map.of("algorithm", "ed25519", "key", "A".repeat(43) + "="))
                .post("/api/users/me/keys");

        List<String> reads = readPaths();
        assertTrue(reads.size() >= 10, "swept reads: " + reads);

        // before: they find me in many places (profile, keys, mutual friends, search, suggestions, requests)
        List<String> revealing = new ArrayList<>();
        for (String path : reads) {
            if (reveals(them, path, me)) {
                revealing.add(path);
            }
        }
        for (String expected : visibleBefore) {
            assertTrue(revealing.contains(expected), "before the block " + expected + " shows me; all: " + revealing);
        }

        me.request().put("/api/users/me/blocks/" + them.id()).then().statusCode(204);

        for (String path : reads) {
            Response theirs = read(them, path, me);
            assertFalse(
                    reveals(path, theirs, me),
                    "after the block " + path + " still shows me to them: " + theirs.asString());
            assertTrue(
                    theirs.statusCode() == 200 || theirs.statusCode() == 404,
                    path + " answers 200 without me or 404, was " + theirs.statusCode());
            Response mine = read(me, path, them);
            assertFalse(
                    reveals(path, mine, them),
                    "after the block " + path + " still shows them to me: " + mine.asString());
        }
        // and what they get is exactly what an id that never existed gets
        assertEquals(404, them.request().get("/api/users/" + me.id()).statusCode());
        assertEquals(404, them.request().get("/api/users/" + me.id() + "/keys").statusCode());
    }

    @Test
    void aMuteHidesThemFromMeInSearchAndSuggestionsButTheyStillSeeMe() {
        TestUser me = TestUsers.existing();
        TestUser them = TestUsers.existing();
        TestUser common = TestUsers.existing();
        Friends.befriend(me, common);
        Friends.befriend(them, common);
        assertTrue(reveals(me, "/api/users/search", them), "search finds them before the mute");
        assertTrue(reveals(me, "/api/friends/suggestions", them), "suggested before the mute");

        me.request().put("/api/users/me/mutes/" + them.id()).then().statusCode(204);

        assertFalse(reveals(me, "/api/users/search", them), "muted: not in my search");
        assertFalse(reveals(me, "/api/friends/suggestions", them), "muted: not in my suggestions");
        // the mute is mine alone: they still find me, and I can still open their profile
        assertTrue(reveals(them, "/api/users/search", me), "they still find me");
        assertTrue(reveals(them, "/api/friends/suggestions", me), "I am still suggested to them");
        assertEquals(200, me.request().get("/api/users/" + them.id()).statusCode());
    }
}
