package org.chorus.users.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.events.login.UserCreated;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.Poll;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AccountEventsConsumerTest {

    private static String userCreatedJson(UUID id, String username) {
        return "{\"userId\":\"" + id + "\",\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.com\",\"createdAt\":\"" + Instant.now() + "\"}";
    }

    private static int status(TestUser viewer, UUID id) {
        return viewer.request().get("/api/users/" + id).statusCode();
    }

    @Test
    void userCreatedEventBuildsTheProfile() {
        UUID id = UUID.randomUUID();
        String username = TestUsers.randomUsername();
        TestEvents.publish(
                Events.USER_CREATED,
                id.toString(),
                new UserCreated(id, username, username + "@example.com", Instant.now()));
        TestUser viewer = TestUsers.existing();

        Poll.until("profile from user-created", () -> status(viewer, id) == 200);
        viewer.request()
                .get("/api/users/" + id)
                .then()
                .statusCode(200)
                .body("username", equalTo(username))
                .body("visibility", equalTo("PUBLIC"));
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        UUID id = UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        String first = TestUsers.randomUsername();
        TestEvents.publish(
                Topics.USER_CREATED, id.toString(), ceId, Events.USER_CREATED.type(), userCreatedJson(id, first));
        // a redelivery under the same event id: had it been handled again, the username would change
        TestEvents.publish(
                Topics.USER_CREATED,
                id.toString(),
                ceId,
                Events.USER_CREATED.type(),
                userCreatedJson(id, TestUsers.randomUsername()));
        // a second, distinct event for the same account is absorbed by the insert's conflict rule
        String third = UUID.randomUUID().toString();
        TestEvents.publish(
                Topics.USER_CREATED,
                id.toString(),
                third,
                Events.USER_CREATED.type(),
                userCreatedJson(id, TestUsers.randomUsername()));
        // same key, same partition: once the third is handled, the first two were handled before it
        Poll.until("third event handled", () -> handled(third));
        // and a later event for someone else still gets through: the consumer did not stop on the duplicates
        TestUser later = TestUsers.signedUp();

        later.request().get("/api/users/" + id).then().statusCode(200).body("username", equalTo(first));
        assertEquals(1L, countProfiles(id));
    }

    @Test
    void aRecordThatIsNotJsonGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        TestEvents.publish(
                Topics.USER_CREATED,
                key,
                UUID.randomUUID().toString(),
                Events.USER_CREATED.type(),
                "this is not json {");

        ConsumerRecord<String, String> dead = TestEvents.await(
                Events.USER_CREATED.deadLetterTopic("users"), r -> key.equals(r.key()), Duration.ofSeconds(20));
        assertEquals("this is not json {", dead.value());
        // the consumer carries on after dead-lettering
        TestUsers.signedUp();
    }

    @Test
    void userUpdatedChangesTheUsername() {
        TestUser user = TestUsers.signedUp();
        String renamed = TestUsers.randomUsername();
        TestEvents.publish(
                Events.USER_UPDATED,
                user.id().toString(),
                new org.chorus.events.login.UserUpdated(
                        user.id(), renamed, renamed + "@example.com", null, true, Instant.now()));
        Poll.until(
                "rename",
                () -> renamed.equals(
                        user.request().get("/api/users/me").jsonPath().getString("username")));
    }

    @Test
    void suspensionHidesTheProfileFromOthersAndReinstatementShowsIt() {
        TestUser user = TestUsers.signedUp();
        TestUser other = TestUsers.existing();
        TestEvents.publish(
                Events.USER_SUSPENDED,
                user.id().toString(),
                new org.chorus.events.admin.UserSuspended(user.id(), "spam", null, UUID.randomUUID(), Instant.now()));
        Poll.until("hidden after suspension", () -> status(other, user.id()) == 404);
        other.request().get("/api/users/" + user.id()).then().contentType("application/problem+json");

        TestEvents.publish(
                Events.USER_REINSTATED,
                user.id().toString(),
                new org.chorus.events.admin.UserReinstated(user.id(), UUID.randomUUID(), Instant.now()));
        Poll.until("visible after reinstatement", () -> status(other, user.id()) == 200);
    }

    @Test
    void userDeletedErasesTheProfileForGoodEvenIfCreatedIsRedelivered() {
        TestUser user = TestUsers.signedUp();
        TestUser other = TestUsers.existing();
        TestEvents.publish(
                Events.USER_DELETED,
                user.id().toString(),
                new org.chorus.events.login.UserDeleted(user.id(), Instant.now()));
        Poll.until("erased", () -> status(other, user.id()) == 404);

        String again = TestEvents.publish(
                Events.USER_CREATED,
                user.id().toString(),
                new UserCreated(user.id(), user.username(), user.username() + "@example.com", Instant.now()));
        Poll.until("late user-created handled", () -> handled(again));
        other.request().get("/api/users/" + user.id()).then().statusCode(404);
        given().auth()
                .oauth2(TestJwt.token(user.id(), user.username(), "user"))
                .get("/api/users/me")
                .then()
                .statusCode(404);
    }

    @Test
    void userDeletedAlsoErasesTheUsersFriendships() {
        TestUser leaving = TestUsers.signedUp();
        TestUser friend = TestUsers.existing();
        String request = leaving.request()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("toUserId", friend.id().toString()))
                .post("/api/friends/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        friend.request()
                .post("/api/friends/requests/" + request + "/accept")
                .then()
                .statusCode(200);
        friend.request()
                .get("/api/friends")
                .then()
                .body("items.id", org.hamcrest.Matchers.contains(leaving.id().toString()));

        TestEvents.publish(
                Events.USER_DELETED,
                leaving.id().toString(),
                new org.chorus.events.login.UserDeleted(leaving.id(), Instant.now()));
        Poll.until(
                "friendship erased",
                () -> friend.request()
                        .get("/api/friends")
                        .jsonPath()
                        .getList("items")
                        .isEmpty());
        friend.request().get("/api/friends/mutual/" + leaving.id()).then().statusCode(404);
    }

    @Test
    void aRenameThatOvertakesUserCreatedIsKept() {
        UUID id = UUID.randomUUID();
        String original = TestUsers.randomUsername();
        String renamed = TestUsers.randomUsername();
        // different topics, so the rename may well be handled first
        String update = TestEvents.publish(
                Events.USER_UPDATED,
                id.toString(),
                new org.chorus.events.login.UserUpdated(
                        id, renamed, renamed + "@example.com", null, true, Instant.now()));
        Poll.until("rename handled", () -> handled(update));
        String create = TestEvents.publish(
                Events.USER_CREATED,
                id.toString(),
                new UserCreated(
                        id, original, original + "@example.com", Instant.now().minusSeconds(60)));
        Poll.until("late user-created handled", () -> handled(create));

        TestUsers.existing()
                .request()
                .get("/api/users/" + id)
                .then()
                .statusCode(200)
                .body("username", equalTo(renamed));
        assertEquals(1L, countProfiles(id));
    }

    @Test
    void anOlderReinstatementArrivingAfterASuspensionDoesNotShowTheProfile() {
        TestUser user = TestUsers.signedUp();
        TestUser other = TestUsers.existing();
        Instant suspendedAt = Instant.now();
        String suspension = TestEvents.publish(
                Events.USER_SUSPENDED,
                user.id().toString(),
                new org.chorus.events.admin.UserSuspended(user.id(), "spam", null, UUID.randomUUID(), suspendedAt));
        Poll.until("suspension handled", () -> handled(suspension));
        // a reinstatement decided before that suspension, delivered late on its own topic
        String stale = TestEvents.publish(
                Events.USER_REINSTATED,
                user.id().toString(),
                new org.chorus.events.admin.UserReinstated(user.id(), UUID.randomUUID(), suspendedAt.minusSeconds(30)));
        Poll.until("stale reinstatement handled", () -> handled(stale));
        other.request().get("/api/users/" + user.id()).then().statusCode(404);

        String fresh = TestEvents.publish(
                Events.USER_REINSTATED,
                user.id().toString(),
                new org.chorus.events.admin.UserReinstated(user.id(), UUID.randomUUID(), suspendedAt.plusSeconds(1)));
        Poll.until("newer reinstatement handled", () -> handled(fresh));
        other.request().get("/api/users/" + user.id()).then().statusCode(200);
    }

    @Test
    void aSuspensionThatOvertakesUserCreatedStillHidesTheProfile() {
        UUID id = UUID.randomUUID();
        String username = TestUsers.randomUsername();
        Instant createdAt = Instant.now();
        String suspension = TestEvents.publish(
                Events.USER_SUSPENDED,
                id.toString(),
                new org.chorus.events.admin.UserSuspended(
                        id, "spam", null, UUID.randomUUID(), createdAt.plusSeconds(5)));
        Poll.until("suspension handled", () -> handled(suspension));
        String create = TestEvents.publish(
                Events.USER_CREATED,
                id.toString(),
                new UserCreated(id, username, username + "@example.com", createdAt));
        Poll.until("user-created handled", () -> handled(create));
        assertEquals(1L, countProfiles(id));
        TestUsers.existing()
                .request()
                .get("/api/users/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // the owner still reads their own profile
        given().auth()
                .oauth2(TestJwt.token(id, username, "user"))
                .get("/api/users/me")
                .then()
                .statusCode(200);
    }

    /** True once the users consumer recorded the event id (the inbox writes it with the effect). */
    private static boolean handled(String eventId) {
        jakarta.persistence.EntityManager em = io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class)
                .get();
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                                "select count(*) from handled_event where consumer = 'users' and event_id = :id")
                                        .setParameter("id", eventId)
                                        .getSingleResult())
                                .longValue()
                        == 1);
    }

    private static long countProfiles(UUID id) {
        jakarta.persistence.EntityManager em = io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class)
                .get();
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from profile where id = :id")
                                .setParameter("id", id)
                                .getSingleResult())
                        .longValue());
    }
}
