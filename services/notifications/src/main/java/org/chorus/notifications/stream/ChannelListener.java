package org.chorus.notifications.stream;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.notifications.config.StreamConfig;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Keeps this replica subscribed to the Redis channels every replica publishes to. When the
 * subscription's connection ends (Redis restarted, the connection was killed, the network broke),
 * it subscribes again with a growing delay ({@code resubscribe-delay} doubling up to 5 s); once
 * back, every open stream catches up from the database ({@link StreamHub#catchUp}), because what
 * was published while nobody listened is gone from Redis but not from PostgreSQL.
 */
@ApplicationScoped
class ChannelListener {

    private static final Duration MAX_DELAY = Duration.ofSeconds(5);

    private final ReactivePubSubCommands<String> pubsub;
    private final StreamHub hub;
    private final StreamConfig config;
    private final Vertx vertx;
    private volatile ReactivePubSubCommands.ReactiveRedisSubscriber subscriber;
    private volatile boolean stopped;
    private long delayMillis;

    ChannelListener(ReactiveRedisDataSource redis, StreamHub hub, StreamConfig config, Vertx vertx) {
        this.pubsub = redis.pubsub(String.class);
        this.hub = hub;
        this.config = config;
        this.vertx = vertx;
        this.delayMillis = config.resubscribeDelay().toMillis();
    }

    void start(@Observes StartupEvent event) {
        try {
            // at start the subscription is in place before traffic arrives (tests rely on it)
            subscribe().await().atMost(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            Log.warnf("Redis subscription not made at start, retrying: %s", e.getMessage());
            retryLater();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        ReactivePubSubCommands.ReactiveRedisSubscriber s = subscriber;
        if (s != null) {
            s.unsubscribe().subscribe().with(ok -> {}, failure -> {});
        }
    }

    private io.smallrye.mutiny.Uni<Void> subscribe() {
        return pubsub.subscribe(
                        List.of(
                                LiveEvents.EVENTS_CHANNEL,
                                LiveEvents.SIGNALS_CHANNEL,
                                StreamRegistry.EVICTIONS_CHANNEL),
                        hub::received,
                        this::ended,
                        failure -> Log.warnf("Redis subscription failed: %s", failure.getMessage()))
                .invoke(s -> {
                    subscriber = s;
                    delayMillis = config.resubscribeDelay().toMillis();
                    // at start there is no stream yet; after an outage every open stream catches up
                    hub.catchUp();
                })
                .replaceWithVoid();
    }

    /** The subscription's connection is gone: live frames wait, and we subscribe again. */
    private void ended() {
        subscriber = null;
        if (stopped) {
            return;
        }
        Log.warnf("Redis subscription lost; subscribing again (open streams catch up from the database then)");
        hub.holdLive();
        retryLater();
    }

    private void retryLater() {
        if (stopped) {
            return;
        }
        long delay = delayMillis;
        delayMillis = Math.min(delayMillis * 2, MAX_DELAY.toMillis());
        vertx.setTimer(
                delay,
                id -> subscribe().subscribe().with(ok -> {}, failure -> {
                    Log.warnf("Redis subscription not re-established: %s", failure.getMessage());
                    retryLater();
                }));
    }

    boolean subscribed() {
        return subscriber != null;
    }
}
