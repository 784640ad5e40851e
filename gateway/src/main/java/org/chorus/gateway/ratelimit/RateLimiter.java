package org.chorus.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.chorus.gateway.GatewayMetrics;
import org.chorus.gateway.config.GatewayConfig;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

/**
 * Counts requests per caller and route class in Redis, so that every gateway replica spends from the same budget.
 * One Redis call per request: a Lua script (GCRA, the "generic cell rate algorithm") reads and updates the
 * caller's theoretical arrival time atomically, with Redis' own clock, so replicas need no clock agreement.
 * When Redis fails or is slower than {@code chorus.gateway.rate-limit.timeout}, requests pass (logged at most every
 * 10 s, counted as {@code chorus_gateway_ratelimit_unavailable_total}): a Redis outage must not become an outage.
 */
@Singleton
public class RateLimiter {

    /** KEYS[1] the caller's key; ARGV[1] ms per request, ARGV[2] window ms. Returns allowed, remaining, reset, retry. */
    static final String SCRIPT = """
            local interval = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local tat = tonumber(redis.call('GET', KEYS[1]))
            if not tat or tat < now then tat = now end
            local newTat = tat + interval
            local allowAt = newTat - window
            if allowAt > now then
              return {0, 0, math.ceil(tat - now), math.ceil(allowAt - now)}
            end
            redis.call('SET', KEYS[1], string.format("%.3f", newTat), "PX", math.max(1, math.ceil(newTat - now)))
            return {1, math.floor((now - allowAt) / interval), math.ceil(newTat - now), 0}
            """;

    private static final String KEY_PREFIX = "chorus:ratelimit:";
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final Vertx vertx;
    private final RedisAPI redis;
    private final GatewayMetrics metrics;
    private final boolean enabled;
    private final long timeoutMillis;
    private final Map<RouteClass, Policy> policies = new EnumMap<>(RouteClass.class);
    private final String sha = sha1(SCRIPT);
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    @Inject
    public RateLimiter(Vertx vertx, RedisAPI redis, GatewayMetrics metrics, GatewayConfig config) {
        this(vertx, redis, metrics, config.rateLimit());
    }

    /** Also used by the tests to stand up a second "replica" on the same Redis. */
    public RateLimiter(Vertx vertx, RedisAPI redis, GatewayMetrics metrics, GatewayConfig.RateLimit config) {
        this.vertx = vertx;
        this.redis = redis;
        this.metrics = metrics;
        this.enabled = config.enabled();
        this.timeoutMillis = config.timeout().toMillis();
        policies.put(
                RouteClass.AUTHENTICATION,
                new Policy(RouteClass.AUTHENTICATION, config.authenticationLimit(), config.authenticationWindow()));
        policies.put(RouteClass.POSTING, new Policy(RouteClass.POSTING, config.postingLimit(), config.postingWindow()));
        policies.put(RouteClass.UPLOADS, new Policy(RouteClass.UPLOADS, config.uploadsLimit(), config.uploadsWindow()));
        policies.put(RouteClass.WRITES, new Policy(RouteClass.WRITES, config.writesLimit(), config.writesWindow()));
        policies.put(RouteClass.READS, new Policy(RouteClass.READS, config.readsLimit(), config.readsWindow()));
    }

    public boolean enabled() {
        return enabled;
    }

    public Policy policy(RouteClass routeClass) {
        return policies.get(routeClass);
    }

    /**
     * Spends one request of the caller's budget. Never fails: null when Redis could not say (fail open).
     *
     * @param caller "user:&lt;sub&gt;" or "ip:&lt;address&gt;"
     */
    public Future<Decision> acquire(RouteClass routeClass, String caller) {
        Policy policy = policies.get(routeClass);
        long window = policy.window().toMillis();
        String interval = Double.toString((double) window / policy.limit());
        String key = KEY_PREFIX + routeClass.policyName() + ":" + caller;
        List<String> args = List.of(sha, "1", key, interval, Long.toString(window));
        Future<Response> call = redis.evalsha(args)
                .recover(cause -> noScript(cause)
                        ? redis.eval(List.of(SCRIPT, "1", key, interval, Long.toString(window)))
                        : Future.failedFuture(cause));
        return withTimeout(call)
                .map(r -> new Decision(
                        policy,
                        r.get(0).toInteger() == 1,
                        r.get(1).toLong(),
                        r.get(2).toLong(),
                        r.get(3).toLong()))
                .otherwise(this::unavailable);
    }

    private static boolean noScript(Throwable cause) {
        return cause.getMessage() != null && cause.getMessage().startsWith("NOSCRIPT");
    }

    private Future<Response> withTimeout(Future<Response> call) {
        Promise<Response> result = Promise.promise();
        long timer = vertx.setTimer(
                timeoutMillis,
                id -> result.tryFail(new TimeoutException("Redis did not answer within " + timeoutMillis + " ms")));
        call.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                result.tryComplete(ar.result());
            } else {
                result.tryFail(ar.cause());
            }
        });
        return result.future();
    }

    private Decision unavailable(Throwable cause) {
        metrics.rateLimitUnavailable();
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_EVERY_NANOS)) {
            Log.warnf("Rate limits unavailable (%s): failing open, requests pass uncounted", cause.toString());
        }
        return null;
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
