package org.chorus.gateway.web;

import jakarta.inject.Singleton;

import org.chorus.gateway.Problem;
import org.chorus.gateway.Route;
import org.chorus.gateway.docs.DocsHandler;
import org.chorus.gateway.proxy.UpstreamProxies;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** Last on every /api request: hands it, body still unread, to the upstream's proxy (or serves the API docs). */
@Singleton
class ProxyHandler implements Handler<RoutingContext> {

    private final UpstreamProxies proxies;
    private final DocsHandler docs;

    ProxyHandler(UpstreamProxies proxies, DocsHandler docs) {
        this.proxies = proxies;
        this.docs = docs;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (ctx.response().closed()) {
            // the client left while its token or rate limit was checked: nothing to forward, nobody to answer
            return;
        }
        if (ctx.get(RoutingHandler.DOCS) != null) {
            request.resume();
            if (!docs.handle(ctx)) {
                ProblemResponses.send(ctx, Problem.notFound());
            }
            return;
        }
        Route route = ctx.get(RoutingHandler.ROUTE);
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            // the checks passed: now the client may send its body. Without this it waits (curl: 1 s) for a 100
            // that nobody sends; requests refused earlier get their answer without uploading anything.
            request.headers().remove(HttpHeaders.EXPECT);
            ctx.response().writeContinue();
        }
        ForwardedHeaders.apply(request);
        proxies.forUpstream(route.upstream()).handle(request);
    }
}
