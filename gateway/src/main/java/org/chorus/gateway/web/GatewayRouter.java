package org.chorus.gateway.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.chorus.gateway.Problem;

import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts the gateway on Quarkus' own Vert.x router: every request passes the edge step first; /api requests then go
 * through routing, the token check, the rate limit and the proxy (or the merged API document); everything else is
 * the web client (Quarkus' static resources), and what nobody serves is a 404 problem.
 */
@Singleton
class GatewayRouter {

    /** Before everything Quarkus registers at its default orders, after its access log and timers. */
    static final int EDGE_ORDER = -1000;

    void register(@Observes Router router, EdgeHandler edge, RoutingHandler routing,
            AuthenticationHandler authentication, RateLimitHandler rateLimit, ProxyHandler proxy,
            WebClientHandler webClient) {
        router.route().order(EDGE_ORDER).handler(edge).failureHandler(GatewayRouter::failure);
        router.route("/api/*")
                .handler(ApiEntry::handle)
                .handler(routing)
                .handler(authentication)
                .handler(rateLimit)
                .handler(proxy)
                .failureHandler(GatewayRouter::failure);
        router.route().handler(webClient);
        // after Quarkus' static resources (its default route) and its own /q endpoints
        router.route().order(Integer.MAX_VALUE).handler(ctx -> ProblemResponses.send(ctx, Problem.notFound()));
        router.errorHandler(404, ctx -> ProblemResponses.send(ctx, Problem.notFound()));
        router.errorHandler(405, ctx -> ProblemResponses.send(ctx, new Problem(405, "method-not-allowed",
                "Method not allowed", "This path does not answer " + ctx.request().method().name())));
    }

    // a bug in a handler still answers problem+json, never a stack trace
    private static void failure(RoutingContext ctx) {
        if (ctx.failure() != null) {
            Log.error("Unexpected failure in the gateway", ctx.failure());
        }
        int status = ctx.statusCode();
        if (status >= 400 && status < 500) {
            ProblemResponses.send(ctx, new Problem(status, "bad-request", "Bad request", "The request is malformed"));
        } else {
            ProblemResponses.send(ctx, Problem.internal());
        }
    }

    /** First on every /api request: holds the body back, so that no chunk is lost while the checks run. */
    private static final class ApiEntry {
        static void handle(RoutingContext ctx) {
            // the checks before the proxy answer asynchronously (JWKS, Redis)
            ctx.request().pause();
            ctx.next();
        }
    }
}
