package org.chorus.gateway.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.chorus.gateway.AccessToken;
import org.chorus.gateway.config.GatewayConfig;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * A local copy of login's deny-list, so that a request with a valid token needs no Redis round trip to know it is
 * not revoked. Kept current by Redis keyspace notifications on {@code login:deny:*} (any writer is seen: login, its
 * retrying sync, a test): a notified key is re-read (value and TTL) and, until that read is back, every request asks
 * Redis itself.
 *
 * <p>Fail-safe: the mirror answers only while it is <em>fresh</em> — subscribed, fully loaded (SCAN) after
 * subscribing, and its own heartbeat key (written every {@code heartbeat-interval}) notified back within
 * {@code stale-after}. The heartbeat travels the same path as a revocation, so a subscription that died silently,
 * notifications switched off, or a Redis that stopped answering all make the mirror stale, and {@link DenyList}
 * asks Redis on every request again. A revocation is thus effective within {@code stale-after} in the worst case.
 */
@Singleton
public class DenyListMirror {

    static final String PREFIX = "login:deny:";
    private static final String SESSIONS = PREFIX + "sid:";
    private static final String USERS = PREFIX + "user:";
    private static final String NOTIFICATIONS = "__keyspace@*__:";
    /** Value ('' when absent) and PTTL of each key, in one atomic read. */
    private static final String READ = """
            local r = {}
            for _, k in ipairs(KEYS) do
              r[#r + 1] = redis.call('GET', k) or ''
              r[#r + 1] = redis.call('PTTL', k)
            end
            return r
            """;
    /** How long an entry without a TTL (login always sets one) is kept locally. */
    private static final long NO_TTL_MILLIS = 3_600_000L;

    private record Entry(String value, long expiresAtMillis) {}

    private final Vertx vertx;
    private final Redis redis;
    private final RedisAPI api;
    private final boolean enabled;
    private final long heartbeatMillis;
    private final long staleNanos;
    private final String beatKey = "gw:deny-mirror:" + UUID.randomUUID();
    private final ConcurrentHashMap<String, Entry> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> users = new ConcurrentHashMap<>();
    /** Re-reads in flight: while any is, the mirror does not answer. */
    private final AtomicInteger refreshing = new AtomicInteger();

    private final List<Long> timers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final AtomicBoolean reloading = new AtomicBoolean();
    private volatile RedisConnection subscription;
    private volatile boolean loaded;
    private volatile long lastBeatNanos = System.nanoTime() - Long.MAX_VALUE / 2;
    private volatile boolean closed;
    /** Whether the last attempt was logged as a warning already (a Redis outage would otherwise log every beat). */
    private volatile boolean warned;

    public DenyListMirror(Vertx vertx, Redis redis, RedisAPI api, GatewayConfig config) {
        this.vertx = vertx;
        this.redis = redis;
        this.api = api;
        GatewayConfig.DenyList.Mirror settings = config.denyList().mirror();
        this.enabled = settings.enabled();
        this.heartbeatMillis = Math.max(10, settings.heartbeatInterval().toMillis());
        this.staleNanos = settings.staleAfter().toNanos();
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        timers.add(vertx.setPeriodic(heartbeatMillis, id -> beat()));
        timers.add(vertx.setPeriodic(30_000, id -> sweep()));
        connect();
    }

    /** Whether the mirror may answer now. */
    public boolean fresh() {
        return loaded && refreshing.get() == 0 && System.nanoTime() - lastBeatNanos < staleNanos;
    }

    /** True or false when the mirror knows; null when it cannot say (not fresh), and Redis must be asked. */
    public Boolean revoked(AccessToken token) {
        if (!fresh()) {
            return null;
        }
        long now = System.currentTimeMillis();
        String user = live(users.get(token.subject()), now);
        String session = token.sessionId() == null ? null : live(sessions.get(token.sessionId()), now);
        return DenyList.revoked(user, session, token);
    }

    private static String live(Entry entry, long now) {
        return entry == null || entry.expiresAtMillis() <= now ? null : entry.value();
    }

    private void connect() {
        if (closed || !connecting.compareAndSet(false, true)) {
            return;
        }
        redis.connect().compose(this::subscribe).compose(v -> load("0")).onComplete(ar -> {
            connecting.set(false);
            if (ar.succeeded()) {
                loaded = true;
                warned = false;
                Log.infof("Deny-list mirror loaded (%d sessions, %d users)", sessions.size(), users.size());
            } else {
                if (!warned) {
                    warned = true;
                    Log.warnf(
                            "Deny-list mirror unavailable (%s): asking Redis on every request until it is back",
                            ar.cause().toString());
                }
                lost(subscription);
            }
        });
    }

    private Future<Void> subscribe(RedisConnection connection) {
        subscription = connection;
        connection.handler(this::onPush);
        connection.exceptionHandler(cause -> lost(connection));
        connection.endHandler(v -> lost(connection));
        return enableNotifications()
                .compose(v -> connection.send(Request.cmd(Command.PSUBSCRIBE)
                        .arg(NOTIFICATIONS + PREFIX + "*")
                        .arg(NOTIFICATIONS + beatKey)))
                .mapEmpty();
    }

    /** Keyspace events for string commands (K$), deletions (g) and expiry (x), added to what is already on. */
    private Future<Void> enableNotifications() {
        return api.config(List.of("GET", "notify-keyspace-events"))
                .compose(reply -> {
                    String flags = flags(reply);
                    String wanted = flags;
                    for (char flag : (flags.contains("A") ? "K" : "K$gx").toCharArray()) {
                        if (wanted.indexOf(flag) < 0) {
                            wanted += flag;
                        }
                    }
                    return wanted.equals(flags)
                            ? Future.succeededFuture()
                            : api.config(List.of("SET", "notify-keyspace-events", wanted));
                })
                .<Void>mapEmpty()
                // a managed Redis may refuse CONFIG: then it must be configured there (notify-keyspace-events
                // K$gx); without notifications no heartbeat comes back and the mirror just never answers
                .recover(cause -> {
                    Log.warnf(
                            cause,
                            "Could not enable Redis keyspace notifications (%s); the deny-list mirror needs"
                                    + " notify-keyspace-events K$gx",
                            cause.getMessage());
                    return Future.succeededFuture();
                });
    }

    /** CONFIG GET's answer: a map in RESP3, a [name, value] array in RESP2. */
    private static String flags(Response reply) {
        if (reply == null) {
            return "";
        }
        Response value;
        try {
            value = reply.get("notify-keyspace-events");
        } catch (RuntimeException notAMap) {
            value = reply.size() < 2 ? null : reply.get(1);
        }
        return value == null ? "" : value.toString();
    }

    private void onPush(Response message) {
        if (message == null
                || message.size() < 4
                || !"pmessage".equalsIgnoreCase(message.get(0).toString())) {
            return;
        }
        String channel = message.get(2).toString();
        String key = channel.substring(channel.indexOf("__:") + 3);
        if (key.equals(beatKey)) {
            long now = System.nanoTime();
            boolean wasStale = now - lastBeatNanos >= staleNanos;
            lastBeatNanos = now;
            if (wasStale && loaded) {
                // notifications may have been lost during the silence: load everything again before answering
                reload();
            }
        } else if (key.startsWith(PREFIX)) {
            refresh(List.of(key));
        }
    }

    /** Re-reads the keys; the mirror stays silent until the answer is applied. */
    private Future<Void> refresh(List<String> keys) {
        refreshing.incrementAndGet();
        List<String> args = new ArrayList<>(keys.size() + 2);
        args.add(READ);
        args.add(Integer.toString(keys.size()));
        args.addAll(keys);
        return api.eval(args)
                .map(reply -> {
                    long now = System.currentTimeMillis();
                    for (int i = 0; i < keys.size(); i++) {
                        apply(
                                keys.get(i),
                                reply.get(2 * i).toString(),
                                reply.get(2 * i + 1).toLong(),
                                now);
                    }
                    return (Void) null;
                })
                .onComplete(ar -> {
                    refreshing.decrementAndGet();
                    if (ar.failed()) {
                        // what the key holds now is unknown: start over (until then Redis is asked)
                        lost(subscription);
                    }
                });
    }

    private void apply(String key, String value, long pttl, long now) {
        ConcurrentHashMap<String, Entry> map =
                key.startsWith(SESSIONS) ? sessions : key.startsWith(USERS) ? users : null;
        if (map == null) {
            return;
        }
        String id = key.substring(key.startsWith(SESSIONS) ? SESSIONS.length() : USERS.length());
        if (value.isEmpty() || pttl == -2) {
            map.remove(id);
        } else {
            map.put(id, new Entry(value, now + (pttl > 0 ? pttl : NO_TTL_MILLIS)));
        }
    }

    private void reload() {
        RedisConnection connection = subscription;
        if (!reloading.compareAndSet(false, true)) {
            return;
        }
        loaded = false;
        load("0").onComplete(ar -> {
            reloading.set(false);
            if (ar.succeeded() && connection == subscription) {
                loaded = true;
            } else {
                lost(connection);
            }
        });
    }

    private Future<Void> load(String cursor) {
        return api.scan(List.of(cursor, "MATCH", PREFIX + "*", "COUNT", "1000")).compose(reply -> {
            String next = reply.get(0).toString();
            List<String> keys = new ArrayList<>();
            reply.get(1).forEach(k -> keys.add(k.toString()));
            Future<Void> batch = keys.isEmpty() ? Future.succeededFuture() : refresh(keys);
            return batch.compose(v -> next.equals("0") ? Future.succeededFuture() : load(next));
        });
    }

    private void beat() {
        if (closed) {
            return;
        }
        api.set(List.of(beatKey, Long.toString(System.currentTimeMillis()), "PX", Long.toString(heartbeatMillis * 8)))
                .onFailure(cause -> Log.debugf("Deny-list mirror heartbeat failed: %s", cause));
        if (subscription == null) {
            connect();
        }
    }

    private void lost(RedisConnection connection) {
        if (connection == null || connection != subscription) {
            return;
        }
        subscription = null;
        loaded = false;
        connection.close();
        Log.debugf("Deny-list mirror lost its subscription; reconnecting at the next heartbeat");
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        sessions.values().removeIf(e -> e.expiresAtMillis() <= now);
        users.values().removeIf(e -> e.expiresAtMillis() <= now);
    }

    /** For the health check. */
    public String state() {
        if (!enabled) {
            return "off";
        }
        return fresh() ? "fresh" : "stale";
    }

    // at shutdown, before the Redis client closes (a @PreDestroy would run after it)
    void stop(@Observes ShutdownEvent event) {
        closed = true;
        timers.forEach(vertx::cancelTimer);
        RedisConnection connection = subscription;
        if (connection != null) {
            connection.close();
        }
    }
}
