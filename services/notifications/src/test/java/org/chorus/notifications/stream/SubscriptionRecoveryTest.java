package org.chorus.notifications.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.events.login.PasswordChanged;
import org.chorus.notifications.service.InAppNotifier;
import org.chorus.notifications.support.People;
import org.chorus.notifications.support.People.Person;
import org.chorus.notifications.support.SseClient;
import org.chorus.notifications.support.Store;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Redis drops the subscription connection: the replica subscribes again and its streams lose nothing. */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SubscriptionRecoveryTest {

    private static final Duration LIVE = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Store store;

    @Inject
    RedisDataSource redis;

    @Inject
    InAppNotifier notifier;

    private long subscribers() {
        var reply = redis.execute("PUBSUB", "NUMSUB", LiveEvents.EVENTS_CHANNEL);
        return reply.get(1).toLong();
    }

    @Test
    void aKilledSubscriptionIsMadeAgainAndWhatWasPublishedMeanwhileStillReachesTheStream() throws Exception {
        Person me = People.known(store);
        String ticket = me.api()
                .post("/api/notifications/stream-tickets")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("ticket");
        try (SseClient stream = SseClient.open(base.toString(), ticket, null)) {
            assertEquals(200, stream.status());
            assertNotNull(stream.next("unread-count", LIVE));
            assertTrue(subscribers() >= 1);

            redis.execute("CLIENT", "KILL", "TYPE", "pubsub");
            // committed while nobody listens: its message on the channel is lost (test resubscribe delay 2 s)
            QuarkusTransaction.requiringNew()
                    .run(() -> notifier.passwordChanged(
                            UUID.randomUUID().toString(),
                            new PasswordChanged(me.id(), me.email(), me.username(), Instant.now())));
            assertEquals(0, subscribers(), "the notification was made during the gap");

            SseClient.Event missed = stream.next("notification", LIVE);
            assertNotNull(missed, "caught up from the database once subscribed again");
            assertTrue(missed.data().contains("\"kind\":\"password-changed\""), missed.data());
            assertEquals(1, subscribers(), "subscribed again");
            assertEquals(null, stream.next("notification", Duration.ofSeconds(1)), "nothing twice");

            // and live messages flow again
            redis.pubsub(String.class)
                    .publish(
                            LiveEvents.EVENTS_CHANNEL,
                            "{\"userIds\":[\"" + me.id()
                                    + "\"],\"event\":\"unread-count\",\"id\":null,\"data\":{\"count\":42}}");
            await().atMost(LIVE).until(() -> {
                SseClient.Event e = stream.next("unread-count", Duration.ofMillis(200));
                return e != null && e.data().equals("{\"count\":42}");
            });
        }
    }
}
