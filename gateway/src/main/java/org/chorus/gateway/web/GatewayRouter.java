package org.chorus.gateway.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.chorus.gateway.Problem;

import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Puts the gateway on Quarkus' own Vert.x router: everything under /api goes through these steps in order. */
@Singleton
class GatewayRouter {

    void register(@Observes Router router, RequestIdHandler requestIds, RoutingHandler routing,
            AuthenticationHandler authentication, ProxyHandler proxy) {
        router.route("/api/*")
                .handler(requestIds)
                .handler(routing)
                .handler(authentication)
                .handler(proxy)
                .failureHandler(GatewayRouter::failure);
    }

    // a bug in a handler still answers problem+json, never a stack trace
    private static void failure(RoutingContext ctx) {
        if (ctx.failure() != null) {
            Log.error("Unexpected failure in the gateway", ctx.failure());
        }
        ProblemResponses.send(ctx, Problem.internal());
    }
}
