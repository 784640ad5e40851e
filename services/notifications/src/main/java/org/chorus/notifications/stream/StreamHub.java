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
 * The open streams of this replica, by user. It hands what arrives on the Redis channels
 * ({@link ChannelListener}) to the users' streams, sends the heartbeats, and enforces the per-user
 * cap twice: on this replica at once (opening one stream too many closes the user's oldest here),
 * and across replicas through {@link StreamRegistry} (the oldest of all replicas is closed by the
 * replica that holds it).
 */
@ApplicationScoped
public class StreamHub {

    private final Map<UUID, Deque<StreamConnection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, StreamConnection> byMember = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final StreamRegistry registry;
    private final Replays replays;
    private final ObjectMapper json;
    private final StreamConfig config;
    private final Vertx vertx;
    private long heartbeatTimer = -1;
    private long renewTimer = -1;

    StreamHub(
            ReactiveRedisDataSource redis,
            Replays replays,
            ObjectMapper json,
            StreamConfig config,
            Vertx vertx,
            MeterRegistry metrics) {
        this.registry = new StreamRegistry(redis, UUID.randomUUID().toString(), config.maxPerUser(), config.lease());
        this.replays = replays;
        this.json = json;
        this.config = config;
        this.vertx = vertx;
        Gauge.builder("chorus.notifications.streams", open, AtomicInteger::get)
                .description("Open notification streams on this replica")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        heartbeatTimer =
                vertx.setPeriodic(config.heartbeat().toMillis(), id -> all().forEach(StreamConnection::heartbeat));
        renewTimer = vertx.setPeriodic(Math.max(100, config.lease().toMillis() / 3), id -> renew());
    }

    void stop(@Observes ShutdownEvent event) {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        if (renewTimer >= 0) {
            vertx.cancelTimer(renewTimer);
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
            forget(evicted[0]);
            evicted[0].close("too-many-streams");
        }
        registry.register(connection.userId)
                .subscribe()
                .with(
                        registered -> {
                            connection.registryMember = registered.member();
                            byMember.put(registered.member(), connection);
                            if (connection.closed()) {
                                forget(connection);
                            }
                            // evictions of this replica's own streams arrive on the channel too; closing twice is
                            // harmless
                            registered.evicted().forEach(this::evicted);
                        },
                        // fail open: without Redis the cap of this replica still holds
                        failure -> Log.warnf("Stream not registered cluster-wide: %s", failure.getMessage()));
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
        forget(connection);
    }

    private void forget(StreamConnection connection) {
        String member = connection.registryMember;
        if (member != null && byMember.remove(member) != null) {
            registry.unregister(connection.userId, member)
                    .subscribe()
                    .with(ok -> {}, failure -> Log.debugf("Stream not unregistered (its lease ends): %s", failure));
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

    /** The Redis subscription is gone: until it is back and caught up, live frames wait. */
    void holdLive() {
        all().forEach(StreamConnection::holdLive);
    }

    /** The subscription is (back) in place: every open stream reads what it missed from the database. */
    void catchUp() {
        for (StreamConnection c : all()) {
            c.holdLive();
            long after = c.lastSeq();
            vertx.<List<StreamConnection.Frame>>executeBlocking(() -> replays.since(c.userId, after), false)
                    .onComplete(ar -> {
                        if (ar.succeeded()) {
                            c.replayed(ar.result());
                        } else {
                            // the client reconnects with Last-Event-ID and reads it then
                            c.close("unavailable");
                        }
                    });
        }
    }

    private void renew() {
        List<StreamConnection> streams = new ArrayList<>();
        List<UUID> users = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (StreamConnection c : all()) {
            String member = c.registryMember;
            if (member != null && !c.closed()) {
                streams.add(c);
                users.add(c.userId);
                members.add(member);
            }
        }
        if (members.isEmpty()) {
            return;
        }
        registry.renew(users, members)
                .subscribe()
                .with(
                        evicted -> evicted.forEach(i -> evicted(members.get(i))),
                        failure -> Log.warnf("Stream leases not renewed: %s", failure.getMessage()));
    }

    private void evicted(String member) {
        StreamConnection connection = byMember.remove(member);
        if (connection != null) {
            unregister(connection);
            connection.close("too-many-streams");
        }
    }

    void received(String channel, String text) {
        try {
            if (StreamRegistry.EVICTIONS_CHANNEL.equals(channel)) {
                evicted(text);
            } else if (LiveEvents.SIGNALS_CHANNEL.equals(channel)) {
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
