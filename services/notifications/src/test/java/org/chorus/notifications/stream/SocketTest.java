package org.chorus.notifications.stream;

import static org.awaitility.Awaitility.await;
import static org.chorus.notifications.support.People.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.events.Events;
import org.chorus.events.login.PasswordChanged;
import org.chorus.notifications.support.People;
import org.chorus.notifications.support.People.Person;
import org.chorus.notifications.support.SocketClient;
import org.chorus.notifications.support.Store;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The WebSocket variant of the stream: same ticket, same events, same revocation. */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SocketTest {

    private static final Duration LIVE = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Store store;

    @Inject
    RedisDataSource redis;

    private static String ticket(Person who) {
        return who.api()
                .post("/api/notifications/stream-tickets")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("ticket");
    }

    private SocketClient open(Person who) {
        SocketClient socket = SocketClient.open(base.toString(), "ticket=" + ticket(who));
        assertEquals(101, socket.status(), "the upgrade was accepted");
        return socket;
    }

    private static String passwordChanged(Person who) {
        return TestEvents.publish(
                Events.PASSWORD_CHANGED,
                who.id().toString(),
                new PasswordChanged(who.id(), who.email(), who.username(), Instant.now()));
    }

    @Test
    void aSocketOpensOnlyWithAFreshTicketNeverWithTheTokenInTheUrl() throws Exception {
        Person me = People.anonymous();
        String ticket = ticket(me);
        try (SocketClient first = SocketClient.open(base.toString(), "ticket=" + ticket)) {
            assertEquals(101, first.status());
            assertNotNull(first.next("unread-count", LIVE), "the socket starts with the unread count");
            try (SocketClient again = SocketClient.open(base.toString(), "ticket=" + ticket)) {
                assertEquals(401, again.status(), "a ticket is single-use");
            }
        }
        try (SocketClient none = SocketClient.open(base.toString(), null)) {
            assertEquals(400, none.status());
        }
        try (SocketClient token = SocketClient.open(base.toString(), "access_token=" + me.token())) {
            assertEquals(400, token.status(), "a bearer token in the URL opens nothing");
        }
        try (SocketClient made = SocketClient.open(base.toString(), "ticket=made-up")) {
            assertEquals(401, made.status());
        }
        try (SocketClient bad = SocketClient.open(base.toString(), "ticket=" + ticket(me) + "&lastEventId=x")) {
            assertEquals(400, bad.status());
        }
    }

    @Test
    void aNotificationAndTheUnreadCountArriveAsOnTheEventStreamAndMissedOnesAreReplayed() throws Exception {
        Person me = People.known(store);
        long lastId;
        try (SocketClient socket = open(me)) {
            assertEquals("{\"count\":0}", socket.next("unread-count", LIVE).data());
            passwordChanged(me);
            SocketClient.Message n = socket.next("notification", LIVE);
            assertNotNull(n);
            assertNotNull(n.id(), "a notification carries its sequence number");
            assertTrue(n.data().contains("\"kind\":\"password-changed\""), n.data());
            assertEquals("{\"count\":1}", socket.next("unread-count", LIVE).data());
            lastId = n.id();
        }
        String missed = passwordChanged(me);
        await().atMost(WAIT).until(() -> store.handled(missed));
        try (SocketClient again =
                SocketClient.open(base.toString(), "ticket=" + ticket(me) + "&lastEventId=" + lastId)) {
            SocketClient.Message replayed = again.next("notification", LIVE);
            assertNotNull(replayed, "what was missed comes first");
            assertEquals(lastId + 1, replayed.id());
            assertEquals("{\"count\":2}", again.next("unread-count", LIVE).data());
        }
    }

    @Test
    void aRevokedSessionsSocketIsClosedAndAnotherSessionsStaysOpen() throws Exception {
        Person me = People.anonymous();
        Person otherDevice =
                new Person(me.id(), me.username(), me.email(), UUID.randomUUID().toString());
        try (SocketClient revoked = open(me);
                SocketClient kept = open(otherDevice)) {
            assertNotNull(revoked.next("unread-count", LIVE));
            assertNotNull(kept.next("unread-count", LIVE));
            redis.value(String.class)
                    .setex(
                            RevocationWatch.SID_PREFIX + me.sid(),
                            60,
                            Long.toString(Instant.now().getEpochSecond()));
            SocketClient.Message close = revoked.next("close", Duration.ofSeconds(5));
            assertNotNull(close);
            assertEquals("{\"reason\":\"session-revoked\"}", close.data());
            assertTrue(revoked.awaitClose(Duration.ofSeconds(3)), "the socket was closed");
            assertEquals(1000, revoked.closeCode());
            assertFalse(kept.awaitClose(Duration.ofSeconds(2)), "the other session's socket stays open");
        }
    }

    @Test
    void socketsAndEventStreamsShareTheCap() throws Exception {
        Person me = People.anonymous(); // the test cap is 3
        try (SocketClient oldest = open(me);
                SocketClient b = open(me);
                SocketClient c = open(me)) {
            assertNotNull(oldest.next("unread-count", LIVE));
            try (SocketClient d = open(me)) {
                SocketClient.Message close = oldest.next("close", LIVE);
                assertNotNull(close);
                assertEquals("{\"reason\":\"too-many-streams\"}", close.data());
                assertNotNull(d.next("unread-count", LIVE));
                assertFalse(b.awaitClose(Duration.ofMillis(500)));
            }
        }
    }
}
