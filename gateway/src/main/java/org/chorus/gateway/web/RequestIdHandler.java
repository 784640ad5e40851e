package org.chorus.gateway.web;

import jakarta.inject.Singleton;

import org.chorus.gateway.RequestIds;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** First on every /api request: holds the body back for the proxy and fixes the request id. */
@Singleton
class RequestIdHandler implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // the checks before the proxy answer asynchronously (JWKS, Redis): no body chunk may be lost meanwhile
        request.pause();
        String id = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        // set on the incoming headers, which the proxy copies upstream
        request.headers().set(RequestIds.HEADER, id);
        // on every answer, proxied or our own, overriding whatever an upstream says
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestIds.HEADER, id));
        ctx.next();
    }
}
