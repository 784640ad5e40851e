package org.chorus.gateway.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import org.chorus.gateway.AccessToken;
import org.chorus.gateway.GatewayMetrics;
import org.chorus.gateway.config.GatewayConfig;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

/**
 * Sessions and users whose live access tokens must stop working at once (written by login):
 * {@code login:deny:sid:<sid>} exists → the session is revoked; {@code login:deny:user:<sub>} = epoch seconds →
 * every token of that user issued at or before that second is revoked. Answered by the local {@link DenyListMirror}
 * while it is fresh, otherwise by one MGET.
 */
@Singleton
public class DenyList {

    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private static final Future<Boolean> REVOKED = Future.succeededFuture(true);
    private static final Future<Boolean> NOT_REVOKED = Future.succeededFuture(false);

    private final Vertx vertx;
    private final RedisAPI redis;
    private final DenyListMirror mirror;
    private final GatewayMetrics metrics;
    private final boolean failOpen;
    private final long timeoutMillis;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    public DenyList(Vertx vertx, RedisAPI redis, DenyListMirror mirror, GatewayMetrics metrics, GatewayConfig config) {
        this.vertx = vertx;
        this.redis = redis;
        this.mirror = mirror;
        this.metrics = metrics;
        this.failOpen = config.denyList().failOpen();
        this.timeoutMillis = config.denyList().timeout().toMillis();
    }

    public static String sessionKey(String sid) {
        return "login:deny:sid:" + sid;
    }

    public static String userKey(String sub) {
        return "login:deny:user:" + sub;
    }

    /**
     * True when the token is revoked. When Redis does not answer in time: false if failing open, otherwise a
     * failed future with {@link DenyListUnavailableException}.
     */
    public Future<Boolean> isRevoked(AccessToken token) {
        Boolean mirrored = mirror.revoked(token);
        if (mirrored != null) {
            return mirrored ? REVOKED : NOT_REVOKED;
        }
        List<String> keys = new ArrayList<>(2);
        keys.add(userKey(token.subject()));
        if (token.sessionId() != null) {
            keys.add(sessionKey(token.sessionId()));
        }
        return withTimeout(redis.mget(keys))
                .map(values -> revoked(values, token))
                .recover(this::unavailable);
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

    private static boolean revoked(Response values, AccessToken token) {
        return revoked(value(values, 0), token.sessionId() == null ? null : value(values, 1), token);
    }

    /** @param userRevokedAt the user's entry (null: none); @param session the session's entry (null: none) */
    static boolean revoked(String userRevokedAt, String session, AccessToken token) {
        if (userRevokedAt != null && revokedAtOrAfter(userRevokedAt, token)) {
            return true;
        }
        return session != null;
    }

    private static boolean revokedAtOrAfter(String epochSeconds, AccessToken token) {
        try {
            return Long.parseLong(epochSeconds.trim()) >= token.issuedAt();
        } catch (NumberFormatException e) {
            // login only writes numbers; if something else is there, the safe reading is "revoked"
            Log.warnf("Unreadable deny-list value for user %s: treating the token as revoked", token.subject());
            return true;
        }
    }

    private static String value(Response values, int index) {
        if (values == null || index >= values.size()) {
            return null;
        }
        Response value = values.get(index);
        return value == null ? null : value.toString();
    }

    private Future<Boolean> unavailable(Throwable cause) {
        metrics.denyListUnavailable(failOpen);
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_EVERY_NANOS)) {
            Log.warnf(
                    "Deny-list unavailable (%s): failing %s",
                    cause.toString(),
                    failOpen ? "open, verified tokens pass unchecked" : "closed, protected requests get 503");
        }
        return failOpen ? Future.succeededFuture(false) : Future.failedFuture(new DenyListUnavailableException(cause));
    }
}
