package org.chorus.gateway.web;

import org.chorus.gateway.Problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes a gateway-generated problem+json answer. */
final class ProblemResponses {

    private ProblemResponses() {}

    static void send(RoutingContext ctx, Problem problem) {
        send(ctx, problem, null);
    }

    /** @param wwwAuthenticate the challenge of a 401, or null */
    static void send(RoutingContext ctx, Problem problem, String wwwAuthenticate) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        if (!ctx.request().isEnded()) {
            // the body was held back for the proxy and is not wanted now; a client that sent "Expect: 100-continue"
            // will not send it at all, so the connection's framing is unknown: close it rather than reuse it
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.request().resume();
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (wwwAuthenticate != null) {
            response.putHeader("WWW-Authenticate", wwwAuthenticate);
        }
        response.end(problem.toBuffer());
    }
}
