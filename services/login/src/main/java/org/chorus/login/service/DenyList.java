package org.chorus.login.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.chorus.login.config.JwtConfig;
import org.chorus.security.DenyListKeys;
import org.chorus.security.TokenPolicy;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * The Redis deny-list the gateway and every service read (platform/security's {@link DenyListKeys}):
 * a revoked session's {@code sid}, or a user whose tokens issued until now are void, for as long as
 * any verifier could still accept such a token — lifetime plus the shared clock skew plus a margin
 * ({@link TokenPolicy#denyListTtl}). The database stays the truth: a failed write is repeated by
 * {@link DenyListSync}.
 */
@ApplicationScoped
public class DenyList {

    static final String SID_PREFIX = DenyListKeys.SESSION_PREFIX;
    static final String USER_PREFIX = DenyListKeys.USER_PREFIX;

    private final ValueCommands<String, String> values;
    private final Event<Decided> decisions;
    private final Duration lifetime;
    private final Duration clockSkew;

    DenyList(RedisDataSource redis, Event<Decided> decisions, JwtConfig config) {
        this.values = redis.value(String.class);
        this.decisions = decisions;
        this.lifetime = config.accessTokenLifetime();
        this.clockSkew = config.clockSkew();
    }

    /** An entry the current transaction decided on: written once it has committed (not before: it may roll back). */
    public record Decided(String key, Instant at) {}

    /** Denies the session once the current transaction has committed (not before: it may roll back). */
    public void denySessionAfterCommit(UUID sessionId, Instant revokedAt) {
        decisions.fire(new Decided(SID_PREFIX + sessionId, revokedAt));
    }

    /** Denies every token of the user issued up to {@code at}, once the current transaction has committed. */
    public void denyUserAfterCommit(UUID userId, Instant at) {
        decisions.fire(new Decided(USER_PREFIX + userId, at));
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Decided decided) {
        write(decided.key(), decided.at());
    }

    public boolean denySession(UUID sessionId, Instant revokedAt) {
        return write(SID_PREFIX + sessionId, revokedAt);
    }

    public boolean denyUser(UUID userId, Instant at) {
        return write(USER_PREFIX + userId, at);
    }

    /** Writes the entry with the TTL left of the acceptance window since {@code at}; false when Redis failed. */
    private boolean write(String key, Instant at) {
        long ttl = TokenPolicy.denyListTtl(lifetime, clockSkew, at, Instant.now());
        if (ttl <= 0) {
            return true; // every token it could deny is past every verifier's acceptance
        }
        try {
            values.setex(key, ttl, Long.toString(at.getEpochSecond()));
            return true;
        } catch (RuntimeException e) {
            Log.warnf("Deny-list write %s failed (%s); it will be repeated", key, e.getMessage());
            return false;
        }
    }
}
