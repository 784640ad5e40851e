package org.chorus.gateway.web;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.chorus.gateway.Problem;
import org.chorus.gateway.Route;
import org.chorus.gateway.RouteTable;

import io.vertx.core.Handler;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/** Picks the upstream for the path, or answers 404 / 400 itself. */
@Singleton
class RoutingHandler implements Handler<RoutingContext> {

    static final String ROUTE = "chorus.route";
    /** Set instead of ROUTE for the gateway's own merged API document and Swagger UI. */
    static final String DOCS = "chorus.docs";
    static final String DOCS_PREFIX = "/api/docs";
    // read by Quarkus' HTTP server metrics as the uri tag: the route, never the raw path full of ids
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    private final RouteTable routes;

    RoutingHandler(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        // what is checked (route, public or not) must be exactly what is forwarded: no "/api/pages/../admin"
        if (path == null || !path.equals(ctx.normalizedPath())) {
            ProblemResponses.send(ctx, Problem.badPath());
            return;
        }
        if (path.equals(DOCS_PREFIX) || path.startsWith(DOCS_PREFIX + "/")) {
            ((HttpServerRequestInternal) ctx.request()).context().putLocal(METRICS_URI_TEMPLATE, DOCS_PREFIX + "/**");
            ctx.put(DOCS, Boolean.TRUE);
            ctx.next();
            return;
        }
        Optional<Route> route = routes.resolve(path);
        if (route.isEmpty()) {
            ProblemResponses.send(ctx, Problem.notFound());
            return;
        }
        ((HttpServerRequestInternal) ctx.request()).context().putLocal(METRICS_URI_TEMPLATE, route.get().template());
        ctx.put(ROUTE, route.get());
        ctx.next();
    }
}
