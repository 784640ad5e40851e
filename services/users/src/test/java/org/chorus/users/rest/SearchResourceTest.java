package org.chorus.users.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SearchResourceTest {

    /** A random word so that each test only finds its own users. */
    private static String tag() {
        return "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void findsByUsernameAndDisplayNameBestMatchFirst() {
        String tag = tag();
        TestUser me = TestUsers.existing();
        TestUser exact = TestUsers.existing(tag);
        TestUser longer = TestUsers.existing(tag + "_the_second");
        TestUser byName = TestUsers.existing();
        byName.request()
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "Mx " + tag))
                .patch("/api/users/me")
                .then()
                .statusCode(200);

        JsonPath result = me.request()
                .queryParam("q", tag)
                .get("/api/users/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> ids = result.getList("items.id");
        org.junit.jupiter.api.Assertions.assertEquals(exact.id().toString(), ids.get(0));
        org.hamcrest.MatcherAssert.assertThat(ids, hasItem(longer.id().toString()));
        org.hamcrest.MatcherAssert.assertThat(ids, hasItem(byName.id().toString()));
    }

    @Test
    void toleratesTypos() {
        String tag = tag();
        TestUser me = TestUsers.existing();
        TestUser target = TestUsers.existing("margarethamilton" + tag);
        me.request()
                .queryParam("q", "margaret_hamiltn" + tag)
                .get("/api/users/search")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(target.id().toString()));
    }

    @Test
    void neverShowsBlockedUsersEitherWayNorMeNorMuted() {
        String tag = tag();
        TestUser me = TestUsers.existing(tag + "_me");
        TestUser blockedByMe = TestUsers.existing(tag + "_a");
        TestUser blockingMe = TestUsers.existing(tag + "_b");
        TestUser muted = TestUsers.existing(tag + "_c");
        TestUser visible = TestUsers.existing(tag + "_d");
        me.request().put("/api/users/me/blocks/" + blockedByMe.id()).then().statusCode(204);
        blockingMe.request().put("/api/users/me/blocks/" + me.id()).then().statusCode(204);
        me.request().put("/api/users/me/mutes/" + muted.id()).then().statusCode(204);

        me.request()
                .queryParam("q", tag)
                .get("/api/users/search")
                .then()
                .statusCode(200)
                .body("items.id", contains(visible.id().toString()));
        blockingMe
                .request()
                .queryParam("q", tag)
                .get("/api/users/search")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(me.id().toString())));
    }

    @Test
    void resultsArePaginatedWithoutRepeats() {
        String tag = tag();
        TestUser me = TestUsers.existing();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(TestUsers.existing(tag + "_" + i).id().toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = me.request().queryParam("q", tag).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/users/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        org.hamcrest.MatcherAssert.assertThat(seen, org.hamcrest.Matchers.containsInAnyOrder(expected.toArray()));
    }

    @Test
    void badQueriesAre400() {
        TestUser me = TestUsers.existing();
        me.request().get("/api/users/search").then().statusCode(400).contentType("application/problem+json");
        me.request().queryParam("q", "a").get("/api/users/search").then().statusCode(400);
        me.request()
                .queryParam("q", "x".repeat(101))
                .get("/api/users/search")
                .then()
                .statusCode(400);
        me.request()
                .queryParam("q", "abc")
                .queryParam("cursor", "@@")
                .get("/api/users/search")
                .then()
                .statusCode(400);
        // LIKE wildcards are taken literally, not as "match everything"
        me.request()
                .queryParam("q", "%%")
                .get("/api/users/search")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        io.restassured.RestAssured.given()
                .queryParam("q", "abc")
                .get("/api/users/search")
                .then()
                .statusCode(401);
    }
}
