package org.chorus.security;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonString;

import org.chorus.web.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses a verified access token whose session or user login has put on the deny-list ({@link DenyListKeys}):
 * the identity fails as unauthenticated, which platform/web answers as 401 problem+json. One MGET of both keys
 * per authenticated request, without blocking the event loop. A request that reaches a service past the
 * gateway — or a gateway misconfiguration — so does not reopen a closed session.
 */
@ApplicationScoped
public class RevocationCheck implements SecurityIdentityAugmentor {

    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final DenyListConfig config;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    RevocationCheck(ReactiveRedisDataSource redis, DenyListConfig config) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.config = config;
    }

    /**
     * Opens the Redis connection at startup, without waiting for it: otherwise the first authenticated request
     * pays for the connect and, on a slow start, runs into the timeout (and passes unchecked when failing open).
     */
    void connectEarly(@Observes StartupEvent started) {
        if (config.enabled()) {
            redis.execute("PING").subscribe().with(ok -> Log.debug("Deny-list reachable"),
                    failure -> Log.warnf("Deny-list not reachable at startup (%s); checked again per request", failure.toString()));
        }
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!config.enabled() || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String subject = token.getSubject();
        String sid = text(token.getClaim("sid"));
        if (subject == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token without subject"));
        }
        String userKey = DenyListKeys.userKey(subject);
        String sessionKey = sid == null ? null : DenyListKeys.sessionKey(sid);
        Uni<Map<String, String>> entries = sessionKey == null ? values.mget(userKey) : values.mget(userKey, sessionKey);
        return entries
                .ifNoItem().after(config.timeout()).fail()
                .onItemOrFailure().transformToUni((found, failure) -> {
                    if (failure != null) {
                        return unavailable(identity, failure);
                    }
                    boolean revoked = DenyListKeys.revoked(found.get(userKey),
                            sessionKey == null ? null : found.get(sessionKey), token.getIssuedAtTime());
                    return revoked
                            ? Uni.createFrom().failure(new AuthenticationFailedException("the token is revoked"))
                            : Uni.createFrom().item(identity);
                });
    }

    private Uni<SecurityIdentity> unavailable(SecurityIdentity identity, Throwable cause) {
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_EVERY_NANOS)) {
            Log.warnf("Deny-list unavailable (%s): failing %s", cause.toString(),
                    config.failOpen() ? "open, verified tokens pass unchecked" : "closed, authenticated requests get 503");
        }
        return config.failOpen() ? Uni.createFrom().item(identity)
                : Uni.createFrom().failure(new ProblemException(503, "deny-list-unavailable", "Service unavailable",
                        "Revocations cannot be checked right now; try again shortly"));
    }

    // smallrye-jwt hands non-standard claims out as JSON-P values
    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString json ? json.getString() : claim.toString();
    }
}
