package org.chorus.users.rest;

import java.util.Map;

import org.chorus.users.support.TestUsers.TestUser;

import io.restassured.http.ContentType;

/** Shortcuts through the real endpoints, for tests that need friends as a precondition. */
final class Friends {

    private Friends() {}

    static String request(TestUser from, TestUser to) {
        return from.request()
                .contentType(ContentType.JSON)
                .body(Map.of("toUserId", to.id().toString()))
                .post("/api/friends/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void befriend(TestUser a, TestUser b) {
        String id = request(a, b);
        b.request().post("/api/friends/requests/" + id + "/accept").then().statusCode(200);
    }
}
