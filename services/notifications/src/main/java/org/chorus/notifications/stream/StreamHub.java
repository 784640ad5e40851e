package org.chorus.notifications.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.notifications.config.StreamConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The open streams of this replica, by user. It subscribes to the Redis channels every replica
 * publishes to, so a notification made on any replica reaches the user's streams on every replica;
 * it sends the heartbeats and enforces the per-user cap (opening one stream too many closes the
 * user's oldest on this replica).
 */
@ApplicationScoped
public class StreamHub {

    private final Map<UUID, Deque<StreamConnection>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final StreamConfig config;
    private final Vertx vertx;
    private long heartbeatTimer = -1;

    StreamHub(
            ReactiveRedisDataSource redis, ObjectMapper json, StreamConfig config, Vertx vertx, MeterRegistry metrics) {
        this.redis = redis;
        this.json = json;
        this.config = config;
        this.vertx = vertx;
        Gauge.builder("chorus.notifications.streams", open, AtomicInteger::get)
                .description("Open notification streams on this replica")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        redis.pubsub(String.class)
                .subscribe(List.of(LiveEvents.EVENTS_CHANNEL, LiveEvents.SIGNALS_CHANNEL), this::received)
                .await()
                .indefinitely();
        heartbeatTimer =
                vertx.setPeriodic(config.heartbeat().toMillis(), id -> all().forEach(StreamConnection::heartbeat));
    }

    void stop(@Observes ShutdownEvent event) {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        all().forEach(c -> c.close("shutdown"));
    }

    /** Adds the stream; if the user now has more than the cap on this replica, the oldest is closed. */
    void register(StreamConnection connection) {
        StreamConnection[] evicted = new StreamConnection[1];
        // compute: adding and removing a user's last stream never race (a stream is never added to a dropped list)
        byUser.compute(connection.userId, (id, streams) -> {
            Deque<StreamConnection> list = streams == null ? new ArrayDeque<>() : streams;
            synchronized (list) {
                list.addLast(connection);
                if (list.size() > config.maxPerUser()) {
                    evicted[0] = list.pollFirst();
                }
            }
            return list;
        });
        open.incrementAndGet();
        if (evicted[0] != null) {
            open.decrementAndGet();
            evicted[0].close("too-many-streams");
        }
    }

    void unregister(StreamConnection connection) {
        boolean[] removed = new boolean[1];
        byUser.computeIfPresent(connection.userId, (id, streams) -> {
            synchronized (streams) {
                removed[0] = streams.remove(connection);
                return streams.isEmpty() ? null : streams;
            }
        });
        if (removed[0]) {
            open.decrementAndGet();
        }
    }

    /** A snapshot of every open stream of this replica. */
    List<StreamConnection> all() {
        List<StreamConnection> all = new ArrayList<>(open.get() + 8);
        for (Deque<StreamConnection> streams : byUser.values()) {
            synchronized (streams) {
                all.addAll(streams);
            }
        }
        return all;
    }

    int openStreams() {
        return open.get();
    }

    private void received(String channel, String text) {
        try {
            if (LiveEvents.SIGNALS_CHANNEL.equals(channel)) {
                StreamMessage.Signal signal = json.readValue(text, StreamMessage.Signal.class);
                if (signal.userIds() == null
                        || signal.type() == null
                        || signal.type().isBlank()) {
                    Log.debugf("Ignoring a signal without users or type");
                    return;
                }
                String data = json.writeValueAsString(
                        json.createObjectNode().put("type", signal.type()).set("data", signal.data()));
                deliver(signal.userIds(), StreamMessage.SIGNAL, null, data);
            } else {
                StreamMessage message = json.readValue(text, StreamMessage.class);
                deliver(message.userIds(), message.event(), message.id(), json.writeValueAsString(message.data()));
            }
        } catch (Exception e) {
            Log.warnf("Ignoring an unreadable message on %s: %s", channel, e.getMessage());
        }
    }

    private void deliver(List<UUID> userIds, String event, Long id, String data) {
        for (UUID userId : userIds) {
            Deque<StreamConnection> streams = userId == null ? null : byUser.get(userId);
            if (streams == null) {
                continue;
            }
            List<StreamConnection> targets;
            synchronized (streams) {
                targets = List.copyOf(streams);
            }
            targets.forEach(c -> c.offer(event, id, data));
        }
    }
}
