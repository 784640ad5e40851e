package org.chorus.gateway.web;

import jakarta.inject.Singleton;

import org.chorus.gateway.Route;
import org.chorus.gateway.proxy.UpstreamProxies;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Last on every /api request: hands it, body still unread, to the upstream's proxy. */
@Singleton
class ProxyHandler implements Handler<RoutingContext> {

    private final UpstreamProxies proxies;

    ProxyHandler(UpstreamProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Route route = ctx.get(RoutingHandler.ROUTE);
        ForwardedHeaders.apply(ctx.request());
        proxies.forUpstream(route.upstream()).handle(ctx.request());
    }
}
