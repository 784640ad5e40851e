package org.chorus.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.chorus.local.EventStream.Event;
import org.chorus.local.Members.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * Issue 12's proof of the live stream, through the gateway only: a friend request reaches B's open stream at once
 * and the list; reading it lowers the unread count on B's other stream; logging that session out closes its stream;
 * reconnecting with Last-Event-ID brings what happened meanwhile.
 */
@ExtendWith(RunningSuite.class)
class NotificationsIT {

    /** "Within a second" on an idle machine; this one is shared by several builds, so the bound is a little looser. */
    private static final Duration LIVE = Duration.ofSeconds(Long.getLong("e2e.live-seconds", 3));

    private static final Duration OPEN = Duration.ofSeconds(10);

    @Test
    void aFriendRequestIsStreamedListedReadAndNothingIsMissedAcrossAReconnect() {
        Member a = Members.signUp();
        Member b = Members.signUp();
        Member c = Members.signUp();
        Member bSecond = Sessions.newSession(b);

        try (EventStream first = EventStream.open(b, null);
                EventStream second = EventStream.open(bSecond, null)) {
            assertNotNull(
                    first.await(e -> e.name().equals("unread-count"), OPEN),
                    "the first stream starts with unread-count");
            assertNotNull(
                    second.await(e -> e.name().equals("unread-count"), OPEN),
                    "the second stream starts with unread-count");

            // A sends B a friend request → B's stream has it at once
            long sent = System.nanoTime();
            String request = given().auth()
                    .oauth2(a.accessToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("toUserId", b.id()))
                    .post("/api/friends/requests")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Event streamed = first.await(e -> isFriendRequestFrom(e, a), LIVE);
            assertNotNull(
                    streamed,
                    "B's stream receives A's friend request within " + LIVE.toMillis() + " ms; got "
                            + names(first.events()));
            System.out.printf(
                    "NotificationsIT: friend request %s on B's stream %d ms after the 201%n",
                    request, (streamed.receivedAt() - sent) / 1_000_000);
            String notification = streamed.data().path("id").asText();
            assertNotNull(streamed.id(), "a notification event carries its sequence number as id");

            // ... and the list shows it, unread
            given().auth()
                    .oauth2(b.accessToken())
                    .get("/api/notifications")
                    .then()
                    .statusCode(200)
                    .body("items.find { it.id == '" + notification + "' }.kind", equalTo("friend-request"))
                    .body("items.find { it.id == '" + notification + "' }.read", equalTo(false));
            int unread = given().auth()
                    .oauth2(b.accessToken())
                    .get("/api/notifications/unread-count")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("count");
            assertTrue(unread >= 1, "unread count " + unread);
            assertNotNull(
                    second.await(
                            e -> e.name().equals("unread-count")
                                    && e.data().path("count").asInt() == unread,
                            LIVE),
                    "the second stream has the unread count " + unread + "; got " + names(second.events()));

            // B reads it (first session) → the unread count drops on the second stream
            given().auth()
                    .oauth2(b.accessToken())
                    .post("/api/notifications/" + notification + "/read")
                    .then()
                    .statusCode(204);
            assertNotNull(
                    second.await(
                            e -> e.name().equals("unread-count")
                                    && e.data().path("count").asInt() == unread - 1,
                            LIVE),
                    "the second stream sees the unread count drop to " + (unread - 1) + "; got "
                            + names(second.events()));

            // B logs the second session out → its stream closes, the first stays open
            String lastSeen = lastId(second.events());
            given().auth()
                    .oauth2(bSecond.accessToken())
                    .post("/api/auth/logout")
                    .then()
                    .statusCode(204);
            assertTrue(
                    second.awaitEnd(LIVE.plusSeconds(2)),
                    "the logged-out session's stream closes; got " + names(second.events()));
            assertFalse(first.hasEnded(), "the other session's stream stays open");
            int missedFrom = second.events().size();

            // while it is closed, C sends B a friend request
            given().auth()
                    .oauth2(c.accessToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("toUserId", b.id()))
                    .post("/api/friends/requests")
                    .then()
                    .statusCode(201);
            Event missed = first.await(e -> isFriendRequestFrom(e, c), LIVE);
            assertNotNull(missed, "the open stream receives C's friend request; got " + names(first.events()));
            assertEquals(missedFrom, second.events().size(), "the closed stream received nothing more");

            // B reconnects (a new session, a new ticket) with Last-Event-ID → nothing missed
            Set<String> shouldReplay = first.events().stream()
                    .filter(e -> e.name().equals("notification") && Long.parseLong(e.id()) > Long.parseLong(lastSeen))
                    .map(Event::id)
                    .collect(Collectors.toSet());
            assertFalse(shouldReplay.isEmpty());
            Member bThird = Sessions.newSession(b);
            try (EventStream third = EventStream.open(bThird, lastSeen)) {
                assertNotNull(
                        third.await(e -> isFriendRequestFrom(e, c), OPEN),
                        "the reconnected stream replays C's friend request; got " + names(third.events()));
                for (String id : shouldReplay) {
                    assertNotNull(
                            third.await(e -> e.name().equals("notification") && id.equals(e.id()), OPEN),
                            "the reconnected stream replays notification " + id + "; got " + names(third.events()));
                }
            }
        }
    }

    private static boolean isFriendRequestFrom(Event event, Member from) {
        return event.name().equals("notification")
                && event.data().path("kind").asText().equals("friend-request")
                && event.data().path("actors").findValuesAsText("id").contains(from.id());
    }

    private static String lastId(List<Event> events) {
        String last = "0";
        for (Event event : events) {
            if (event.id() != null && !event.id().isEmpty()) {
                last = event.id();
            }
        }
        return last;
    }

    private static List<String> names(List<Event> events) {
        return events.stream()
                .map(e -> e.name() + (e.id() == null ? "" : "#" + e.id()) + " " + e.data())
                .toList();
    }
}
