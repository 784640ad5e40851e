package org.chorus.users.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class GraphResourceTest {

    @Test
    void mutualFriendsAreTheFriendsWeShare() {
        TestUser me = TestUsers.existing();
        TestUser other = TestUsers.existing();
        TestUser shared1 = TestUsers.existing();
        TestUser shared2 = TestUsers.existing();
        TestUser onlyMine = TestUsers.existing();
        Friends.befriend(me, shared1);
        Friends.befriend(me, shared2);
        Friends.befriend(me, onlyMine);
        Friends.befriend(other, shared1);
        Friends.befriend(other, shared2);

        me.request()
                .get("/api/friends/mutual/" + other.id())
                .then()
                .statusCode(200)
                .body(
                        "items.id",
                        containsInAnyOrder(shared1.id().toString(), shared2.id().toString()));
        me.request()
                .queryParam("limit", 1)
                .get("/api/friends/mutual/" + other.id())
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void mutualFriendsWithSomeoneUnknownOrBlockedIs404() {
        TestUser me = TestUsers.existing();
        TestUser blocker = TestUsers.existing();
        blocker.request().put("/api/users/me/blocks/" + me.id()).then().statusCode(204);
        me.request()
                .get("/api/friends/mutual/" + blocker.id())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        me.request().get("/api/friends/mutual/" + UUID.randomUUID()).then().statusCode(404);
        me.request().get("/api/friends/mutual/xyz").then().statusCode(404);
    }

    @Test
    void suggestionsAreFriendsOfFriendsRankedByMutualCount() {
        TestUser me = TestUsers.existing();
        TestUser f1 = TestUsers.existing();
        TestUser f2 = TestUsers.existing();
        TestUser two = TestUsers.existing(); // friend of f1 and f2: 2 mutual
        TestUser one = TestUsers.existing(); // friend of f1 only: 1 mutual
        Friends.befriend(me, f1);
        Friends.befriend(me, f2);
        Friends.befriend(two, f1);
        Friends.befriend(two, f2);
        Friends.befriend(one, f1);

        me.request()
                .get("/api/friends/suggestions")
                .then()
                .statusCode(200)
                .body("items.id", contains(two.id().toString(), one.id().toString()))
                .body("items.mutualFriends", contains(2, 1));
    }

    @Test
    void suggestionsLeaveOutFriendsPendingRequestsBlocksAndMutes() {
        TestUser me = TestUsers.existing();
        TestUser hub = TestUsers.existing();
        Friends.befriend(me, hub);
        TestUser alreadyFriend = TestUsers.existing();
        TestUser requested = TestUsers.existing();
        TestUser requester = TestUsers.existing();
        TestUser blockedByMe = TestUsers.existing();
        TestUser blockingMe = TestUsers.existing();
        TestUser muted = TestUsers.existing();
        TestUser fine = TestUsers.existing();
        for (TestUser u : new TestUser[] {alreadyFriend, requested, requester, blockedByMe, blockingMe, muted, fine}) {
            Friends.befriend(u, hub);
        }
        Friends.befriend(me, alreadyFriend);
        Friends.request(me, requested);
        Friends.request(requester, me);
        me.request().put("/api/users/me/blocks/" + blockedByMe.id()).then().statusCode(204);
        blockingMe.request().put("/api/users/me/blocks/" + me.id()).then().statusCode(204);
        me.request().put("/api/users/me/mutes/" + muted.id()).then().statusCode(204);

        me.request()
                .get("/api/friends/suggestions")
                .then()
                .statusCode(200)
                .body("items.id", contains(fine.id().toString()));
        // the one who blocked me does not get me suggested either
        blockingMe
                .request()
                .get("/api/friends/suggestions")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(me.id().toString())));
    }

    @Test
    void withoutFriendsThereAreNoSuggestions() {
        TestUser loner = TestUsers.existing();
        loner.request().get("/api/friends/suggestions").then().statusCode(200).body("items", empty());
        loner.request()
                .queryParam("limit", 0)
                .get("/api/friends/suggestions")
                .then()
                .statusCode(400);
    }

    @Test
    void suggestionPagesWalkTheWholeRankingWithoutDuplicatesOrOmissions() {
        TestUser me = TestUsers.existing();
        List<TestUser> myFriends = List.of(TestUsers.existing(), TestUsers.existing(), TestUsers.existing());
        myFriends.forEach(f -> Friends.befriend(me, f));
        // candidates with 3, 2, 2, 1, 1, 1, 1 friends in common with me: ties must be ordered by id
        int[] shared = {3, 2, 2, 1, 1, 1, 1};
        List<String[]> expected = new ArrayList<>();
        for (int mutual : shared) {
            TestUser candidate = TestUsers.existing();
            for (int i = 0; i < mutual; i++) {
                Friends.befriend(candidate, myFriends.get(i));
            }
            expected.add(new String[] {candidate.id().toString(), Integer.toString(mutual)});
        }
        // PostgreSQL orders uuids by their bytes, which is the order of their lower-case text
        expected.sort(
                Comparator.<String[]>comparingInt(e -> -Integer.parseInt(e[1])).thenComparing(e -> e[0]));
        List<String> expectedOrder = expected.stream().map(e -> e[0]).toList();

        for (int limit : new int[] {1, 2, 3, 7, 100}) {
            List<String> walked = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = me.request().queryParam("limit", limit);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/friends/suggestions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                List<String> ids = page.getList("items.id");
                assertTrue(ids.size() <= limit, "a page never exceeds the limit");
                walked.addAll(ids);
                counts.addAll(page.getList("items.mutualFriends"));
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null && pages < 20);
            assertEquals(expectedOrder, walked, "limit " + limit + ": every candidate once, in rank order");
            assertEquals(walked.size(), new HashSet<>(walked).size(), "no duplicates at limit " + limit);
            assertEquals(List.of(3, 2, 2, 1, 1, 1, 1), counts, "mutual counts at limit " + limit);
            assertEquals((int) Math.ceil(7.0 / limit), pages, "pages at limit " + limit);
        }
    }

    @Test
    void theLastSuggestionPageHasNoCursorAndForeignOrGarbageCursorsAre400() {
        TestUser me = TestUsers.existing();
        TestUser hub = TestUsers.existing();
        TestUser other = TestUsers.existing();
        Friends.befriend(me, hub);
        Friends.befriend(other, hub);
        Friends.befriend(me, TestUsers.existing());
        JsonPath only = me.request()
                .get("/api/friends/suggestions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(other.id().toString()), only.getList("items.id"));
        assertNull(only.getString("nextCursor"));

        String friendsCursor = me.request()
                .queryParam("limit", 1)
                .get("/api/friends")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        for (String bad : new String[] {"garbage", "%%%", "bm9wZQ", friendsCursor}) {
            me.request()
                    .queryParam("cursor", bad)
                    .get("/api/friends/suggestions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        me.request()
                .queryParam("limit", 101)
                .get("/api/friends/suggestions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void suggestionsFollowUnfriendingAndBlocking() {
        TestUser me = TestUsers.existing();
        TestUser f1 = TestUsers.existing();
        TestUser f2 = TestUsers.existing();
        TestUser x = TestUsers.existing();
        Friends.befriend(me, f1);
        Friends.befriend(me, f2);
        Friends.befriend(f1, f2);
        Friends.befriend(x, f1);
        Friends.befriend(x, f2);
        assertEquals(Map.of(x.id().toString(), 2), suggested(me));

        // after I unfriend f1, f1 is someone I may know again (through f2), and x shares only f2 with me
        me.request().delete("/api/friends/" + f1.id()).then().statusCode(204);
        assertEquals(Map.of(x.id().toString(), 1, f1.id().toString(), 1), suggested(me));

        // f2 blocks x: their friendship ends, so x is no longer a friend of a friend of mine
        f2.request().put("/api/users/me/blocks/" + x.id()).then().statusCode(204);
        assertEquals(Map.of(f1.id().toString(), 1), suggested(me));
        assertTrue(!suggested(f2).containsKey(x.id().toString()), "the blocked user is not suggested to the blocker");

        // becoming friends again removes f1 from my suggestions
        Friends.befriend(me, f1);
        assertEquals(Map.of(x.id().toString(), 1), suggested(me));
    }

    private static Map<String, Integer> suggested(TestUser user) {
        JsonPath page = user.request()
                .queryParam("limit", 100)
                .get("/api/friends/suggestions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> ids = page.getList("items.id");
        List<Integer> counts = page.getList("items.mutualFriends");
        Map<String, Integer> result = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            result.put(ids.get(i), counts.get(i));
        }
        assertEquals(ids.size(), result.size(), "no duplicates");
        return result;
    }
}
