package org.chorus.notifications.stream;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.notifications.config.StreamConfig;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Closes the streams of revoked sessions within a second. Login writes the deny-list the gateway
 * reads: {@code login:deny:sid:<sid>} (the session is revoked) and {@code login:deny:user:<id>} =
 * epoch seconds (every token of the user issued at or before then is void). Once per
 * {@code revocation-check} this replica asks for the keys of all its open streams in one MGET.
 * If Redis does not answer, streams stay open until the next round (the gateway refuses the
 * revoked token meanwhile, so no new stream can be opened with it).
 */
@ApplicationScoped
class RevocationWatch {

    static final String SID_PREFIX = "login:deny:sid:";
    static final String USER_PREFIX = "login:deny:user:";

    private final StreamHub hub;
    private final ReactiveValueCommands<String, String> values;
    private final StreamConfig config;
    private final Vertx vertx;
    private volatile boolean checking;
    private long timer = -1;

    RevocationWatch(StreamHub hub, ReactiveRedisDataSource redis, StreamConfig config, Vertx vertx) {
        this.hub = hub;
        this.values = redis.value(String.class);
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.revocationCheck().toMillis(), id -> check());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void check() {
        List<StreamConnection> streams = hub.all();
        if (streams.isEmpty() || checking) {
            return;
        }
        checking = true;
        Set<String> keys = new LinkedHashSet<>();
        for (StreamConnection c : streams) {
            keys.add(USER_PREFIX + c.userId);
            if (c.sessionId != null) {
                keys.add(SID_PREFIX + c.sessionId);
            }
        }
        values.mget(keys.toArray(String[]::new))
                .subscribe()
                .with(
                        found -> {
                            checking = false;
                            for (StreamConnection c : streams) {
                                if (revoked(c, found)) {
                                    c.close("session-revoked");
                                }
                            }
                        },
                        failure -> {
                            checking = false;
                            Log.warnf(
                                    "Deny-list check failed, streams checked again next round: %s",
                                    failure.getMessage());
                        });
    }

    private static boolean revoked(StreamConnection c, Map<String, String> found) {
        if (c.sessionId != null && found.get(SID_PREFIX + c.sessionId) != null) {
            return true;
        }
        String userRevokedAt = found.get(USER_PREFIX + c.userId);
        if (userRevokedAt == null) {
            return false;
        }
        try {
            return Long.parseLong(userRevokedAt.trim()) >= c.tokenIssuedAt;
        } catch (NumberFormatException e) {
            return true; // login writes only numbers; anything else is read the safe way
        }
    }
}
