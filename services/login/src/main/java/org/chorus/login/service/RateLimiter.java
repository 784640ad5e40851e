package org.chorus.login.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * Fixed-window counters in Redis ({@code login:rl:<action>:<subject>}), shared by all replicas.
 * When Redis is unreachable the limits are not enforced (logged): refusing every sign-up and login
 * would be worse, and the bounded hashing pool still caps the cost of a flood.
 */
@ApplicationScoped
public class RateLimiter {

    private final ValueCommands<String, Long> counters;
    private final KeyCommands<String> keys;

    RateLimiter(RedisDataSource redis) {
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

    /** INCR, and start the window's expiry on the first event. Returns 0 when Redis failed. */
    long increment(String key, Duration window) {
        try {
            long count = counters.incr(key);
            if (count == 1) {
                keys.expire(key, window);
            }
            return count;
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
