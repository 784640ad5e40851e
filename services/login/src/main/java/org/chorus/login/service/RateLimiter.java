package org.chorus.login.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.vertx.mutiny.redis.client.Command;

/**
 * Fixed-window counters in Redis ({@code login:rl:<action>:<subject>}), shared by all replicas.
 * When Redis is unreachable the limits are not enforced (logged): refusing every sign-up and login
 * would be worse, and the bounded hashing pool still caps the cost of a flood.
 */
@ApplicationScoped
public class RateLimiter {

    /** KEYS[1] the counter, ARGV[1] the window in milliseconds; returns the new count. */
    private static final String INCREMENT = """
            local count = redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) < 0 then
                redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return count""";

    private final RedisDataSource redis;
    private final ValueCommands<String, Long> counters;
    private final KeyCommands<String> keys;

    RateLimiter(RedisDataSource redis) {
        this.redis = redis;
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
    }

    /** Counts one event; throws {@link TooManyRequestsException} once more than {@code limit.max()} happened. */
    public void acquire(String action, String subject, Limit limit) {
        long count = increment("login:rl:" + action + ":" + subject, limit.window());
        if (count > limit.max()) {
            throw new TooManyRequestsException(retryAfter("login:rl:" + action + ":" + subject, limit.window()));
        }
    }

    /** Whether the counter is already past its limit, without counting; the wait if so, else null. */
    public Duration blockedFor(String action, String subject, Limit limit) {
        String key = "login:rl:" + action + ":" + subject;
        try {
            Long count = counters.get(key);
            return count != null && count >= limit.max() ? retryAfter(key, limit.window()) : null;
        } catch (RuntimeException e) {
            Log.warnf("Rate limit %s not checked, Redis failed: %s", key, e.getMessage());
            return null;
        }
    }

    /**
     * INCR and, when the key has no expiry yet, the window's — in one script, which Redis runs
     * atomically. Two commands (INCR, then EXPIRE on the first event) left a counter without expiry
     * whenever the process or the connection died between them, and such a key blocked its subject
     * for good. Setting the expiry whenever it is missing (not only at count 1) also heals such a key
     * left by an earlier version. Returns 0 when Redis failed.
     */
    long increment(String key, Duration window) {
        try {
            return redis.execute(Command.EVAL, INCREMENT, "1", key, Long.toString(window.toMillis())).toLong();
        } catch (RuntimeException e) {
            Log.warnf("Rate limit %s not counted, Redis failed: %s", key, e.getMessage());
            return 0;
        }
    }

    Duration retryAfter(String key, Duration window) {
        try {
            long ttl = keys.ttl(key);
            return Duration.ofSeconds(ttl > 0 ? ttl : window.toSeconds());
        } catch (RuntimeException e) {
            return window;
        }
    }

    /** {@code max} events per {@code window}. */
    public record Limit(int max, Duration window) {

        /** Reads {@code "10/1h"}: ten per hour (durations as in Quarkus config: 30s, 15m, 1h, 1d). */
        public static Limit parse(String spec) {
            String[] parts = spec.trim().split("/", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a rate limit is written <max>/<window>, e.g. 10/1h: " + spec);
            }
            String window = parts[1].trim().toUpperCase();
            Duration duration = window.endsWith("D") ? Duration.parse("P" + window) : Duration.parse("PT" + window);
            return new Limit(Integer.parseInt(parts[0].trim()), duration);
        }
    }
}
