package org.chorus.notifications.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.chorus.notifications.support.People;
import org.chorus.notifications.support.People.Person;
import org.chorus.notifications.support.SseClient;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The per-user cap across replicas: a second replica is a second {@link StreamRegistry} holder on the
 * same Redis ("replica-b", which registers streams as that replica would and never renews them).
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ClusterCapTest {

    private static final Duration LIVE = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofSeconds(3); // the test lease (application.properties)

    @TestHTTPResource("/")
    URL base;

    @Inject
    ReactiveRedisDataSource reactiveRedis;

    @Inject
    RedisDataSource redis;

    private StreamRegistry otherReplica() {
        return new StreamRegistry(reactiveRedis, "replica-b", 3, LEASE);
    }

    private SseClient open(Person who) {
        String ticket = who.api()
                .post("/api/notifications/stream-tickets")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("ticket");
        SseClient client = SseClient.open(base.toString(), ticket, null);
        assertEquals(200, client.status(), client.errorBody());
        return client;
    }

    private List<String> members(Person who) {
        return redis.sortedSet(String.class).zrange(StreamRegistry.PREFIX + who.id(), 0, -1);
    }

    private static long fromReplica(List<String> members, String replica) {
        return members.stream().filter(m -> m.contains(":" + replica + ":")).count();
    }

    @Test
    void streamsOnAnotherReplicaCountAndTheOldestOfAllIsClosedWhereItIs() throws Exception {
        Person me = People.anonymous(); // the test cap is 3
        StreamRegistry b = otherReplica();
        try (SseClient here = open(me)) {
            assertNotNull(here.next("unread-count", LIVE));
            await().until(() -> members(me).size() == 1);
            b.register(me.id()).await().indefinitely();
            Thread.sleep(5);
            b.register(me.id()).await().indefinitely();
            Thread.sleep(5);
            StreamRegistry.Registered third = b.register(me.id()).await().indefinitely();
            assertEquals(1, third.evicted().size(), "four streams for a cap of three: one goes");
            SseClient.Event close = here.next("close", LIVE);
            assertNotNull(close, "the oldest stream, on this replica, is closed by this replica");
            assertEquals("{\"reason\":\"too-many-streams\"}", close.data());
            assertTrue(here.awaitEnd(Duration.ofSeconds(2)));
            List<String> left = members(me);
            assertEquals(3, left.size(), left.toString());
            assertEquals(3, fromReplica(left, "replica-b"), left.toString());
        }
    }

    @Test
    void openingAStreamHereEvictsTheOldestOnAnotherReplica() throws Exception {
        Person me = People.anonymous();
        StreamRegistry b = otherReplica();
        List<String> evictions = new CopyOnWriteArrayList<>();
        var subscriber = redis.pubsub(String.class).subscribe(StreamRegistry.EVICTIONS_CHANNEL, evictions::add);
        try {
            String oldest = b.register(me.id()).await().indefinitely().member();
            Thread.sleep(5);
            b.register(me.id()).await().indefinitely();
            Thread.sleep(5);
            b.register(me.id()).await().indefinitely();
            try (SseClient here = open(me)) {
                assertNotNull(here.next("unread-count", LIVE));
                await().atMost(LIVE).until(() -> evictions.contains(oldest));
                List<String> left = members(me);
                assertEquals(3, left.size(), left.toString());
                assertFalse(left.contains(oldest), left.toString());
                assertEquals(2, fromReplica(left, "replica-b"), left.toString());
                assertFalse(here.awaitEnd(Duration.ofMillis(500)), "the new stream stays open");
            }
        } finally {
            subscriber.unsubscribe();
        }
    }

    @Test
    void theStreamsOfAReplicaThatStoppedRenewingStopCountingWhenTheirLeaseEnds() throws Exception {
        Person me = People.anonymous();
        StreamRegistry crashed = otherReplica();
        for (int i = 0; i < 3; i++) {
            crashed.register(me.id()).await().indefinitely();
        }
        Thread.sleep(LEASE.toMillis() + 500); // it never renews: its leases run out
        try (SseClient a = open(me);
                SseClient b = open(me);
                SseClient c = open(me)) {
            assertNotNull(a.next("unread-count", LIVE));
            assertNotNull(c.next("unread-count", LIVE));
            // beyond one lease: this replica's own streams are renewed and keep counting
            Thread.sleep(LEASE.toMillis() + 1000);
            assertFalse(a.awaitEnd(Duration.ofMillis(100)), "none of the three live streams was closed");
            assertFalse(b.awaitEnd(Duration.ofMillis(100)));
            List<String> left = members(me);
            assertEquals(3, left.size(), left.toString());
            assertEquals(0, fromReplica(left, "replica-b"), "the crashed replica's streams are gone: " + left);
        }
        await().atMost(LIVE).until(() -> members(me).isEmpty());
    }
}
