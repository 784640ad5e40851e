package org.chorus.gateway.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import jakarta.inject.Singleton;

import org.chorus.gateway.Problem;
import org.chorus.gateway.RequestIds;
import org.chorus.gateway.config.GatewayConfig;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * First on every request, API or not: the request id, the security headers of every answer, and the checks that
 * would otherwise be answered by Vert.x or Quarkus with an empty body (too long a target, too large headers, a target
 * {@link URI} cannot parse, a query that cannot be decoded, a path that climbs out of /api) or by the CORS step.
 */
@Singleton
class EdgeHandler implements Handler<RoutingContext> {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private final Cors cors;
    private final int maxUriLength;
    private final int maxHeaderBytes;
    private final String hsts;

    EdgeHandler(Cors cors, GatewayConfig config) {
        this.cors = cors;
        this.maxUriLength = config.edge().maxUriLength();
        this.maxHeaderBytes = config.edge().maxHeaderBytes();
        this.hsts = "max-age=" + config.edge().hstsMaxAge().toSeconds() + "; includeSubDomains";
    }

    @Override
    public void handle(RoutingContext ctx) {
        // a reroute (the web client's fallback to /index.html) passes here again: Vert.x drops the headers-end
        // handlers then, so they are added again; the request id is the one already set
        HttpServerRequest request = ctx.request();
        String id = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        // set on the incoming headers, which the proxy copies upstream
        request.headers().set(RequestIds.HEADER, id);
        boolean tls = request.isSSL() || "https".equalsIgnoreCase(request.scheme());
        ctx.addHeadersEndHandler(v -> securityHeaders(ctx.response(), id, tls));

        String uri = request.uri();
        if (uri != null && uri.length() > maxUriLength) {
            ProblemResponses.send(
                    ctx,
                    new Problem(
                            414,
                            "uri-too-long",
                            "URI too long",
                            "The request target is longer than " + maxUriLength + " characters"));
            return;
        }
        if (headerBytes(request.headers()) > maxHeaderBytes) {
            ProblemResponses.send(
                    ctx,
                    new Problem(
                            431,
                            "headers-too-large",
                            "Request header fields too large",
                            "The request headers are larger than " + maxHeaderBytes + " bytes"));
            return;
        }
        if (!parsable(uri)) {
            // Quarkus' own check would answer this with an empty 400 (GatewayMain turns it off); every service
            // still has that check, so nothing it would refuse may be forwarded either
            ProblemResponses.send(
                    ctx,
                    new Problem(
                            400,
                            "bad-request-target",
                            "Bad request target",
                            "The request target is not a valid URI (a broken percent-escape or a character that must"
                                    + " be percent-encoded)"));
            return;
        }
        try {
            request.params(); // decodes the query once; Vert.x would otherwise fail later with an empty 400
        } catch (RuntimeException e) {
            ProblemResponses.send(
                    ctx,
                    new Problem(
                            400, "bad-query", "Bad query", "The query string is not valid percent-encoded form data"));
            return;
        }
        String path = request.path();
        String normalized = ctx.normalizedPath();
        if (path == null
                || !path.startsWith("/")
                || !path.equals(normalized) && !(normalized.startsWith("/api/") || normalized.equals("/api"))) {
            // "/api/users/../../admin/stats" means "/admin/stats": nothing the gateway serves
            ProblemResponses.send(ctx, Problem.notFound());
            return;
        }
        if (!cors.handle(ctx)) {
            return;
        }
        ctx.next();
    }

    private void securityHeaders(HttpServerResponse response, String id, boolean tls) {
        MultiMap headers = response.headers();
        // the gateway's value, overriding whatever an upstream says
        headers.set(RequestIds.HEADER, id);
        headers.set("X-Content-Type-Options", "nosniff");
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.regionMatches(true, 0, "text/html", 0, 9)) {
            headers.set("Content-Security-Policy", CSP);
            headers.set("Referrer-Policy", "no-referrer");
        }
        if (tls) {
            headers.set("Strict-Transport-Security", hsts);
        }
    }

    private static boolean parsable(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static long headerBytes(MultiMap headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }
}
