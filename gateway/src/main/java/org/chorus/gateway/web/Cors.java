package org.chorus.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.chorus.gateway.Problem;
import org.chorus.gateway.config.SharedSettings;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for browser apps on {@code quarkus.http.cors.origins} (Quarkus' own filter is off: it answers a foreign
 * origin with an empty 403, and the contract is problem+json). Same-origin requests always pass; a foreign origin's
 * preflight or request is 403 problem+json. No credentials mode: tokens travel in Authorization, never in cookies.
 */
@Singleton
class Cors {

    private static final String ALLOWED_METHODS = "GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS";
    private static final String EXPOSED = "Location,X-Request-Id,Retry-After,ETag,WWW-Authenticate,RateLimit,"
            + "RateLimit-Policy";
    private static final Pattern HEADER_LIST = Pattern.compile("^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\\s*,\\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$");
    private static final String MAX_AGE = "3600";

    private final List<String> exact = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();

    Cors(SharedSettings settings) {
        for (String origin : settings.corsOrigins()) {
            String o = origin.trim();
            if (o.length() > 2 && o.startsWith("/") && o.endsWith("/")) {
                patterns.add(Pattern.compile(o.substring(1, o.length() - 1)));
            } else if (!o.isEmpty()) {
                exact.add(o.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** @return false when the request was answered here (a preflight, or a refused origin) */
    boolean handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        // the answer depends on Origin: caches must keep one per origin
        ctx.addHeadersEndHandler(v -> addVary(ctx.response().headers()));
        if (origin == null) {
            return true;
        }
        boolean preflight = request.method() == HttpMethod.OPTIONS
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (sameOrigin(request, origin) && !preflight) {
            return true;
        }
        if (!allowed(origin)) {
            ProblemResponses.send(ctx, new Problem(403, "origin-not-allowed", "Origin not allowed",
                    "Pages from this origin may not call the API"));
            return false;
        }
        MultiMap headers = ctx.response().headers();
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        if (!preflight) {
            headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
            return true;
        }
        request.resume();
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
        String requested = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (requested != null && HEADER_LIST.matcher(requested.trim()).matches()) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requested.trim());
        }
        headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
        ctx.response().setStatusCode(200).end();
        return false;
    }

    boolean allowed(String origin) {
        if (exact.contains(origin.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(origin).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return false;
        }
        String scheme = request.scheme() == null ? "http" : request.scheme();
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String self = scheme + "://" + authority.host()
                + (authority.port() == -1 || authority.port() == defaultPort ? "" : ":" + authority.port());
        return self.equalsIgnoreCase(origin);
    }

    private static void addVary(MultiMap headers) {
        String vary = headers.get(HttpHeaders.VARY);
        if (vary == null) {
            headers.set(HttpHeaders.VARY, "Origin");
        } else if (!vary.toLowerCase(Locale.ROOT).contains("origin")) {
            headers.set(HttpHeaders.VARY, vary + ", Origin");
        }
    }
}
