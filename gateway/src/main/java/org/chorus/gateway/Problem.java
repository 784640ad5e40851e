package org.chorus.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem detail the gateway answers with itself, the same shape as {@code org.chorus.web.Problem}
 * in the services (chorus-web is not used here: it would bring JAX-RS into a pure Vert.x application).
 *
 * @param slug last part of the stable {@code type} URI
 */
public record Problem(int status, String slug, String title, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://chorus.dev/problems/";

    public static Problem notFound() {
        return new Problem(404, "not-found", "Not found", "No service answers this path");
    }

    public static Problem badPath() {
        return new Problem(400, "bad-path", "Bad path",
                "The path must be in normal form (no dot segments or needlessly encoded characters)");
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "unauthorized", "Unauthorized", detail);
    }

    public static Problem authUnavailable(String detail) {
        return new Problem(503, "auth-unavailable", "Authentication unavailable", detail);
    }

    public static Problem upstreamUnavailable(Upstream upstream) {
        return new Problem(503, "upstream-unavailable", "Service unavailable",
                "The " + upstream.name() + " service cannot be reached right now; try again shortly");
    }

    public static Problem upstreamTimeout(Upstream upstream) {
        return new Problem(504, "upstream-timeout", "Gateway timeout",
                "The " + upstream.name() + " service did not answer in time");
    }

    public static Problem badGateway(Upstream upstream) {
        return new Problem(502, "bad-gateway", "Bad gateway",
                "The " + upstream.name() + " service broke off its answer");
    }

    public static Problem tooManyRequests(long retryAfterSeconds) {
        return new Problem(429, "too-many-requests", "Too many requests",
                "Rate limit reached; try again in " + retryAfterSeconds + " s");
    }

    public static Problem internal() {
        return new Problem(500, "internal", "Internal error", "Something went wrong on our side");
    }

    public String type() {
        return TYPE_BASE + slug;
    }

    public Buffer toBuffer() {
        return new JsonObject()
                .put("type", type())
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .toBuffer();
    }
}
