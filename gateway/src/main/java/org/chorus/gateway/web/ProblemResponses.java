package org.chorus.gateway.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import org.chorus.gateway.Problem;

/** Writes a gateway-generated problem+json answer. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void send(RoutingContext ctx, Problem problem) {
        send(ctx, problem, null);
    }

    /** @param wwwAuthenticate the challenge of a 401, or null */
    static void send(RoutingContext ctx, Problem problem, String wwwAuthenticate) {
        // the request was paused for the proxy: let the unread body drain so the connection can be reused
        ctx.request().resume();
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (wwwAuthenticate != null) {
            response.putHeader("WWW-Authenticate", wwwAuthenticate);
        }
        response.end(problem.toBuffer());
    }
}
