package org.chorus.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose path or query does not decode to clean text — a broken {@code %} escape, bytes that
 * are not UTF-8, or a NUL — before any resource is matched: 400 problem+json, never a parameter that reaches
 * PostgreSQL with a NUL in it (a 500) or a decoder failure deep inside the framework.
 */
@Singleton
public class RequestTargetFilter {

    /** First on the router, so it also guards routes outside Quarkus REST (health, metrics, OpenAPI). */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String problem = problem(context.request().path());
        if (problem == null) {
            problem = problem(context.request().query());
        }
        if (problem == null) {
            context.next();
            return;
        }
        // written by hand: no user input goes into it, and the REST layer's mappers are not reached from here
        context.response().setStatusCode(400)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff")
                .end("{\"type\":\"" + Problem.type("invalid-request-target") + "\",\"title\":\"Invalid request target\","
                        + "\"status\":400,\"detail\":\"" + problem + "\"}");
    }

    /** What is wrong with a raw (still percent-encoded) path or query; null when nothing is. */
    static String problem(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    return "The URL has a broken percent-escape";
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return "The URL is not UTF-8";
        }
        return text.indexOf('\0') >= 0 ? "The URL contains a NUL character" : null;
    }
}
