package org.chorus.gateway.web;

import jakarta.inject.Singleton;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The web client's own routes ({@code /reset-password}, {@code /feed}, ...: any extension-less path outside /api
 * and /q) are pages of the single-page app: they get {@code /index.html}, which Quarkus' static resources serve
 * from {@code META-INF/resources}. Files (a dot in the last segment) are served or 404 as they are.
 */
@Singleton
class WebClientHandler implements Handler<RoutingContext> {

    static final String INDEX = "/index.html";

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String path = ctx.normalizedPath();
        if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && isClientRoute(path)) {
            ctx.reroute(INDEX);
            return;
        }
        ctx.next();
    }

    static boolean isClientRoute(String path) {
        if (path == null || path.equals("/") || path.equals("/q") || path.startsWith("/q/")
                || path.equals("/api") || path.startsWith("/api/")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.indexOf('.') < 0;
    }
}
