package org.chorus.gateway.web;

import jakarta.inject.Singleton;

import org.chorus.gateway.GatewayMetrics;
import org.chorus.gateway.Problem;
import org.chorus.gateway.ratelimit.Decision;
import org.chorus.gateway.ratelimit.Policy;
import org.chorus.gateway.ratelimit.RateLimiter;
import org.chorus.gateway.ratelimit.RouteClass;
import org.chorus.gateway.web.AuthenticationHandler.Rejection;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Counts the request against its caller's budget for its route class and puts the {@code RateLimit-Policy} and
 * {@code RateLimit} headers on the answer; over budget → 429 problem+json with {@code Retry-After}. Then answers the
 * token check's refusal, if any (so refused requests are counted and carry the headers too).
 */
@Singleton
class RateLimitHandler implements Handler<RoutingContext> {

    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String STATE_HEADER = "RateLimit";

    private final RateLimiter limiter;
    private final GatewayMetrics metrics;

    RateLimitHandler(RateLimiter limiter, GatewayMetrics metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!limiter.enabled()) {
            proceed(ctx);
            return;
        }
        HttpServerRequest request = ctx.request();
        RouteClass routeClass = RouteClass.of(request.method(), request.path(),
                request.getHeader(HttpHeaders.CONTENT_TYPE));
        Policy policy = limiter.policy(routeClass);
        String subject = ctx.get(AuthenticationHandler.SUBJECT);
        // sign-up and login are anonymous by nature: always by address, so a token cannot buy more attempts
        String caller = subject != null && routeClass != RouteClass.AUTHENTICATION
                ? "user:" + subject
                : "ip:" + clientAddress(request);
        OnRequestContext.of(limiter.acquire(routeClass, caller)).onComplete(ar -> {
            Decision decision = ar.succeeded() ? ar.result() : null;
            ctx.addHeadersEndHandler(v -> {
                ctx.response().headers().set(POLICY_HEADER, policy.header());
                if (decision != null) {
                    ctx.response().headers().set(STATE_HEADER, decision.header());
                }
            });
            if (decision != null && !decision.allowed()) {
                metrics.rateLimited(policy.routeClass().policyName());
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                ProblemResponses.send(ctx, Problem.tooManyRequests(decision.retryAfterSeconds()));
                return;
            }
            proceed(ctx);
        });
    }

    private static void proceed(RoutingContext ctx) {
        Rejection rejection = ctx.get(AuthenticationHandler.REJECTION);
        if (rejection != null) {
            ProblemResponses.send(ctx, rejection.problem(), rejection.challenge());
        } else {
            ctx.next();
        }
    }

    private static String clientAddress(HttpServerRequest request) {
        // with quarkus.http.proxy.* enabled behind a trusted load balancer this is the address it forwarded
        SocketAddress address = request.remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }
}
