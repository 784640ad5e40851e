package org.chorus.gateway.web;

import java.util.Locale;

import jakarta.inject.Singleton;

import org.chorus.gateway.AccessToken;
import org.chorus.gateway.GatewayMetrics;
import org.chorus.gateway.Problem;
import org.chorus.gateway.PublicPaths;
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
 * The edge check: outside the public paths, a request needs a valid access token that is not on the deny-list.
 * The token travels on unchanged; the services verify it again (the gateway is not their only line).
 */
@Singleton
class AuthenticationHandler implements Handler<RoutingContext> {

    private static final String CHALLENGE = "Bearer";
    private static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

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
        if (PublicPaths.isPublic(request.method(), request.path())) {
            ctx.next();
            return;
        }
        String token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            metrics.authRejected("missing");
            ProblemResponses.send(ctx, Problem.unauthorized("A bearer access token is required"), CHALLENGE);
            return;
        }
        OnRequestContext.of(verifier.verify(token).compose(this::notRevoked)).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.next();
            } else {
                reject(ctx, ar.cause());
            }
        });
    }

    private Future<AccessToken> notRevoked(AccessToken token) {
        return denyList.isRevoked(token).compose(revoked -> revoked
                ? Future.failedFuture(new RevokedException())
                : Future.succeededFuture(token));
    }

    private void reject(RoutingContext ctx, Throwable cause) {
        if (cause instanceof InvalidTokenException) {
            metrics.authRejected("invalid");
            Log.debugf("Token rejected: %s", cause.getMessage());
            ProblemResponses.send(ctx, Problem.unauthorized("The access token is invalid or expired"),
                    INVALID_TOKEN_CHALLENGE);
        } else if (cause instanceof RevokedException) {
            metrics.authRejected("revoked");
            ProblemResponses.send(ctx, Problem.unauthorized("The session of this access token has been revoked"),
                    INVALID_TOKEN_CHALLENGE);
        } else if (cause instanceof KeysUnavailableException) {
            ProblemResponses.send(ctx, Problem.authUnavailable("Access tokens cannot be verified right now"));
        } else if (cause instanceof DenyListUnavailableException) {
            ProblemResponses.send(ctx, Problem.authUnavailable("Revoked sessions cannot be checked right now"));
        } else {
            Log.error("Unexpected failure while authenticating", cause);
            ProblemResponses.send(ctx, Problem.internal());
        }
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null. */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= 7
                || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
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
