package org.chorus.gateway.web;


import jakarta.inject.Singleton;

import org.chorus.gateway.AccessToken;
import org.chorus.gateway.GatewayMetrics;
import org.chorus.gateway.Problem;
import org.chorus.gateway.PublicPaths;
import org.chorus.gateway.PublicPaths.Access;
import org.chorus.gateway.auth.DenyList;
import org.chorus.gateway.auth.DenyListUnavailableException;
import org.chorus.gateway.auth.InvalidTokenException;
import org.chorus.gateway.auth.KeysUnavailableException;
import org.chorus.gateway.auth.TokenVerifier;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The edge check: outside the public paths, a request needs a valid access token that is not on the deny-list; on
 * public paths (but /api/auth) a token that is sent must be valid too. The token travels on unchanged; the services
 * verify it again (the gateway is not their only line).
 *
 * <p>The verdict is left for {@link RateLimitHandler}, which counts refused requests too (by client address) and
 * answers them with the rate-limit headers: a flood of bad tokens is throttled like anything else.
 */
@Singleton
class AuthenticationHandler implements Handler<RoutingContext> {

    /** The verified token's subject, when there is one. */
    static final String SUBJECT = "chorus.subject";
    /** A {@link Rejection} to answer once the rate limit has been counted. */
    static final String REJECTION = "chorus.rejection";

    private static final String CHALLENGE = "Bearer";
    private static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    record Rejection(Problem problem, String challenge) {
    }

    private final TokenVerifier verifier;
    private final DenyList denyList;
    private final GatewayMetrics metrics;

    AuthenticationHandler(TokenVerifier verifier, DenyList denyList, GatewayMetrics metrics) {
        this.verifier = verifier;
        this.denyList = denyList;
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Access access = PublicPaths.access(request.method(), request.path());
        if (access == Access.IGNORED) {
            ctx.next();
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = bearerToken(authorization);
        if (token == null) {
            if (access == Access.OPTIONAL && authorization == null) {
                ctx.next();
                return;
            }
            metrics.authRejected("missing");
            reject(ctx, new Rejection(Problem.unauthorized("A bearer access token is required"), CHALLENGE));
            return;
        }
        OnRequestContext.of(verifier.verify(token).compose(this::notRevoked)).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.put(SUBJECT, ar.result().subject());
                ctx.next();
            } else {
                reject(ctx, rejection(ar.cause()));
            }
        });
    }

    private static void reject(RoutingContext ctx, Rejection rejection) {
        ctx.put(REJECTION, rejection);
        ctx.next();
    }

    private Future<AccessToken> notRevoked(AccessToken token) {
        return denyList.isRevoked(token).compose(revoked -> revoked
                ? Future.failedFuture(new RevokedException())
                : Future.succeededFuture(token));
    }

    private Rejection rejection(Throwable cause) {
        if (cause instanceof InvalidTokenException) {
            metrics.authRejected("invalid");
            Log.debugf("Token rejected: %s", cause.getMessage());
            return new Rejection(Problem.unauthorized("The access token is invalid or expired"),
                    INVALID_TOKEN_CHALLENGE);
        } else if (cause instanceof RevokedException) {
            metrics.authRejected("revoked");
            return new Rejection(Problem.unauthorized("The session of this access token has been revoked"),
                    INVALID_TOKEN_CHALLENGE);
        } else if (cause instanceof KeysUnavailableException) {
            return new Rejection(Problem.authUnavailable("Access tokens cannot be verified right now"), null);
        } else if (cause instanceof DenyListUnavailableException) {
            return new Rejection(Problem.authUnavailable("Revoked sessions cannot be checked right now"), null);
        }
        Log.error("Unexpected failure while authenticating", cause);
        return new Rejection(Problem.internal(), null);
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null. */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= 7
                || !authorization.regionMatches(true, 0, "bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static final class RevokedException extends RuntimeException {
        RevokedException() {
            super("revoked", null, false, false);
        }
    }
}
