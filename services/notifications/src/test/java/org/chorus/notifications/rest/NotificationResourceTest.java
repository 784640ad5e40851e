package org.chorus.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.notifications.support.People.WAIT;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.events.Events;
import org.chorus.events.login.PasswordChanged;
import org.chorus.events.login.TwoFactorChanged;
import org.chorus.events.login.UserDeleted;
import org.chorus.events.users.FriendRequestSent;
import org.chorus.events.users.FriendshipCreated;
import org.chorus.events.users.UserBlocked;
import org.chorus.events.users.UserMuted;
import org.chorus.events.users.UserUnmuted;
import org.chorus.notifications.support.People;
import org.chorus.notifications.support.People.Person;
import org.chorus.notifications.support.Store;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class NotificationResourceTest {

    private static final String PATH = "/api/notifications";

    @Inject
    Store store;

    private void awaitCount(Person who, long count) {
        await(who.username() + " has " + count + " notifications")
                .atMost(WAIT)
                .until(() -> store.notifications(who.id()) == count);
    }

    private JsonPath list(Person who) {
        return who.api().get(PATH).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void friendRequestsFromSeveralPeopleAreOneEntryWithTheLatestThreeActorsAndACount() {
        Person me = People.known(store);
        Person a = People.known(store);
        Person b = People.known(store);
        Person c = People.known(store);
        Person d = People.known(store);

        People.friendRequest(a, me);
        awaitCount(me, 1);
        JsonPath first = list(me);
        assertEquals(1, first.getList("items").size());
        assertEquals("friend-request", first.getString("items[0].kind"));
        assertEquals(a.id().toString(), first.getString("items[0].actors[0].id"));
        assertEquals(a.username(), first.getString("items[0].actors[0].username"));
        assertEquals(1, first.getInt("items[0].actorCount"));
        assertEquals(false, first.getBoolean("items[0].read"));
        String id = first.getString("items[0].id");

        me.api().post(PATH + "/" + id + "/read").then().statusCode(204);
        me.api().get(PATH + "/unread-count").then().statusCode(200).body("count", equalTo(0));

        People.friendRequest(b, me);
        People.friendRequest(c, me);
        People.friendRequest(d, me);
        await("four actors").atMost(WAIT).until(() -> list(me).getInt("items[0].actorCount") == 4);
        me.api()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].read", equalTo(false)) // a new actor joined: unread again
                .body("items[0].actors", hasSize(3))
                .body("items[0].actors.username", contains(d.username(), c.username(), b.username()));
        me.api().get(PATH + "/unread-count").then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    void aRedeliveredEventOrTheSameRequestPublishedAgainMakesNoSecondNotification() {
        Person me = People.known(store);
        Person a = People.known(store);
        UUID requestId = UUID.randomUUID();
        String json = "{\"requestId\":\"" + requestId + "\",\"fromUserId\":\"" + a.id() + "\",\"toUserId\":\"" + me.id()
                + "\",\"sentAt\":\"" + Instant.now() + "\"}";
        String ceId = UUID.randomUUID().toString();
        TestEvents.publish(
                Events.FRIEND_REQUEST_SENT.topic(), me.id().toString(), ceId, Events.FRIEND_REQUEST_SENT.type(), json);
        TestEvents.publish(
                Events.FRIEND_REQUEST_SENT.topic(), me.id().toString(), ceId, Events.FRIEND_REQUEST_SENT.type(), json);
        // the same request under a new event id: the source key (the request) still counts once
        TestEvents.publish(
                Events.FRIEND_REQUEST_SENT,
                me.id().toString(),
                new FriendRequestSent(requestId, a.id(), me.id(), Instant.now()));
        // a marker on the same partition, handled after the three
        Person b = People.known(store);
        String marker = People.friendRequest(b, me);
        await("marker").atMost(WAIT).until(() -> store.handled(marker));
        assertEquals(1, store.notifications(me.id()));
        assertEquals(
                2,
                store.count(
                        "select count(*) from notifications.notification_actor a join notifications.notification n "
                                + "on n.id = a.notification_id where n.user_id = ?1",
                        me.id()));
    }

    @Test
    void nothingFromSomeoneIBlockedOrMutedOrWhoBlockedMe() {
        Person me = People.known(store);
        Person blocked = People.known(store);
        Person muted = People.known(store);
        Person blocker = People.known(store);
        Person friend = People.known(store);
        TestEvents.publish(
                Events.USER_BLOCKED, me.id().toString(), new UserBlocked(me.id(), blocked.id(), Instant.now()));
        TestEvents.publish(Events.USER_MUTED, me.id().toString(), new UserMuted(me.id(), muted.id(), Instant.now()));
        TestEvents.publish(
                Events.USER_BLOCKED, blocker.id().toString(), new UserBlocked(blocker.id(), me.id(), Instant.now()));
        await("relations")
                .atMost(WAIT)
                .until(() -> store.related(me.id(), blocked.id(), "block")
                        && store.related(me.id(), muted.id(), "mute")
                        && store.related(blocker.id(), me.id(), "block"));

        List<String> events = List.of(
                People.friendRequest(blocked, me),
                People.friendRequest(muted, me),
                People.friendRequest(blocker, me),
                People.friendRequest(friend, me));
        await("all handled").atMost(WAIT).until(() -> events.stream().allMatch(store::handled));
        awaitCount(me, 1);
        JsonPath page = list(me);
        assertEquals(friend.id().toString(), page.getString("items[0].actors[0].id"));
        assertEquals(1, page.getInt("items[0].actorCount"));

        // unmuted: heard again
        TestEvents.publish(
                Events.USER_UNMUTED, me.id().toString(), new UserUnmuted(me.id(), muted.id(), Instant.now()));
        await().atMost(WAIT).until(() -> !store.related(me.id(), muted.id(), "mute"));
        People.friendRequest(muted, me);
        await("muted no more").atMost(WAIT).until(() -> list(me).getInt("items[0].actorCount") == 2);
    }

    @Test
    void blockingSomeoneTakesWhatTheyDidOutOfMyList() {
        Person me = People.known(store);
        Person a = People.known(store);
        Person b = People.known(store);
        People.friendRequest(a, me);
        TestEvents.publish(
                Events.FRIENDSHIP_CREATED, b.id().toString(), new FriendshipCreated(b.id(), me.id(), Instant.now()));
        await().atMost(WAIT).until(() -> store.notifications(me.id()) == 2);
        TestEvents.publish(Events.USER_BLOCKED, me.id().toString(), new UserBlocked(me.id(), a.id(), Instant.now()));
        awaitCount(me, 1);
        me.api()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("friendship"))
                .body("items[0].actors[0].id", equalTo(b.id().toString()));
    }

    @Test
    void securityEventsBecomeNotificationsWithoutActors() {
        Person me = People.known(store);
        TestEvents.publish(
                Events.PASSWORD_CHANGED,
                me.id().toString(),
                new PasswordChanged(me.id(), me.email(), me.username(), Instant.now()));
        TestEvents.publish(
                Events.TWO_FACTOR_CHANGED,
                me.id().toString(),
                new TwoFactorChanged(me.id(), me.email(), me.username(), TwoFactorChanged.DISABLED, 0, Instant.now()));
        awaitCount(me, 2);
        me.api()
                .queryParam("kind", "two-factor-changed")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].actors", hasSize(0))
                .body("items[0].data.change", equalTo("disabled"));
        me.api()
                .queryParam("kind", "password-changed")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void listsPageNewestFirstAndFilterByUnreadAndKind() {
        Person me = People.known(store);
        Person a = People.known(store);
        for (int i = 0; i < 3; i++) {
            TestEvents.publish(
                    Events.PASSWORD_CHANGED,
                    me.id().toString(),
                    new PasswordChanged(me.id(), me.email(), me.username(), Instant.now()));
        }
        People.friendRequest(a, me);
        awaitCount(me, 4);
        JsonPath first = me.api()
                .queryParam("limit", 3)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath();
        JsonPath second = me.api()
                .queryParam("limit", 3)
                .queryParam("cursor", first.getString("nextCursor"))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath();
        List<Instant> times = first.<String>getList("items.updatedAt").stream()
                .map(Instant::parse)
                .toList();
        assertTrue(!times.get(0).isBefore(times.get(1)) && !times.get(1).isBefore(times.get(2)), times.toString());
        assertTrue(!times.get(2).isBefore(Instant.parse(second.getString("items[0].updatedAt"))));

        String friendRequest = me.api()
                .queryParam("kind", "friend-request")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .jsonPath()
                .getString("items[0].id");
        me.api().post(PATH + "/" + friendRequest + "/read").then().statusCode(204);
        me.api()
                .queryParam("unread", "true")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.kind", contains("password-changed", "password-changed", "password-changed"));
        me.api().get(PATH + "/unread-count").then().statusCode(200).body("count", equalTo(3));
        me.api().post(PATH + "/read-all").then().statusCode(204);
        me.api().get(PATH + "/unread-count").then().statusCode(200).body("count", equalTo(0));
        me.api().queryParam("unread", "true").get(PATH).then().statusCode(200).body("items", hasSize(0));

        me.api().delete(PATH + "/" + friendRequest).then().statusCode(204);
        me.api().delete(PATH + "/" + friendRequest).then().statusCode(404).contentType("application/problem+json");
        assertEquals(3, store.notifications(me.id()));
    }

    @Test
    void anotherUserCanNeitherReadNorMarkNorDeleteMyNotifications() {
        Person me = People.known(store);
        Person other = People.known(store);
        TestEvents.publish(
                Events.PASSWORD_CHANGED,
                me.id().toString(),
                new PasswordChanged(me.id(), me.email(), me.username(), Instant.now()));
        awaitCount(me, 1);
        String id = list(me).getString("items[0].id");

        other.api().get(PATH).then().statusCode(200).body("items", hasSize(0));
        other.api().post(PATH + "/" + id + "/read").then().statusCode(404).contentType("application/problem+json");
        other.api().delete(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        other.api().post(PATH + "/read-all").then().statusCode(204);
        me.api().get(PATH).then().statusCode(200).body("items", hasSize(1)).body("items[0].read", equalTo(false));
        me.api().post(PATH + "/" + UUID.randomUUID() + "/read").then().statusCode(404);
    }

    @Test
    void badInputIs400ProblemJsonAndNoTokenIs401() {
        Person me = People.anonymous();
        for (String limit : List.of("0", "101", "ten", "-1")) {
            me.api()
                    .queryParam("limit", limit)
                    .get(PATH)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        me.api().queryParam("kind", "likes").get(PATH).then().statusCode(400).contentType("application/problem+json");
        me.api().queryParam("unread", "maybe").get(PATH).then().statusCode(400).contentType("application/problem+json");
        me.api()
                .queryParam("cursor", "not-a-cursor!")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // a malformed path id names no notification: 404, as platform/web's Ids has it for every path id
        me.api().post(PATH + "/not-a-uuid/read").then().statusCode(404).contentType("application/problem+json");
        me.api().delete(PATH + "/12345").then().statusCode(404).contentType("application/problem+json");

        given().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().get(PATH + "/unread-count").then().statusCode(401);
        given().post(PATH + "/read-all").then().statusCode(401);
        given().post("/api/notifications/stream-tickets").then().statusCode(401);
        given().auth()
                .oauth2(TestJwt.expired(UUID.randomUUID(), "old"))
                .get(PATH)
                .then()
                .statusCode(401);
    }

    @Test
    void aDeletedAccountLeavesNothingBehindAndLaterEventsMakeNothing() {
        Person gone = People.known(store);
        Person friend = People.known(store);
        People.friendRequest(friend, gone);
        People.friendRequest(gone, friend);
        awaitCount(gone, 1);
        awaitCount(friend, 1);
        await("welcome mail logged")
                .atMost(WAIT)
                .until(() ->
                        store.count("select count(*) from notifications.delivery where user_id = ?1", gone.id()) > 0);

        TestEvents.publish(Events.USER_DELETED, gone.id().toString(), new UserDeleted(gone.id(), Instant.now()));
        await("erased").atMost(WAIT).until(() -> !store.member(gone.id()));
        assertEquals(0, store.notifications(gone.id()));
        assertEquals(0, store.notifications(friend.id()), "the request of the deleted account is gone too");
        assertEquals(
                0,
                store.count(
                        "select count(*) from notifications.delivery where user_id = ?1 or recipient = ?2",
                        gone.id(),
                        gone.email()));

        String late = People.friendRequest(friend, gone);
        await("late request handled").atMost(WAIT).until(() -> store.handled(late));
        assertEquals(0, store.notifications(gone.id()));
        assertNotEquals(0, store.count("select count(*) from notifications.erased_user where id = ?1", gone.id()));
    }
}
