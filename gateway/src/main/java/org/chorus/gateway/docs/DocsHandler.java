package org.chorus.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/docs/}: the merged API document ({@code openapi.json}) and a Swagger UI for it. The UI's page and its
 * initializer are the gateway's own files (no inline script, so the page keeps the strict Content-Security-Policy);
 * Swagger UI's bundle and stylesheet come from SmallRye's packaging of it.
 */
@Singleton
public class DocsHandler {

    public static final String PREFIX = "/api/docs";
    private static final String SWAGGER_UI = "META-INF/resources/openapi-ui/";
    private static final Map<String, Asset> FILES = Map.of(
            "/", new Asset("chorus-docs/index.html", "text/html; charset=utf-8"),
            "/initializer.js", new Asset("chorus-docs/initializer.js", "text/javascript; charset=utf-8"),
            "/swagger-ui.css", new Asset(SWAGGER_UI + "swagger-ui.css", "text/css; charset=utf-8"),
            "/swagger-ui-bundle.js", new Asset(SWAGGER_UI + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
            "/favicon.ico", new Asset(SWAGGER_UI + "favicon.ico", "image/x-icon"));

    private record Asset(String resource, String contentType) {
    }

    private final ApiDocs docs;
    private final Map<String, Buffer> loaded = new ConcurrentHashMap<>();

    public DocsHandler(ApiDocs docs) {
        this.docs = docs;
    }

    /** @return false when the path is not one of the docs' (the caller answers 404) */
    public boolean handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        String rest = ctx.request().path().substring(PREFIX.length());
        if (rest.isEmpty()) {
            ctx.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, PREFIX + "/").end();
            return true;
        }
        if (rest.equals("/openapi.json")) {
            docs.document().onComplete(ar -> {
                if (ar.failed()) {
                    ctx.fail(ar.cause());
                    return;
                }
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .end(ar.result().toBuffer());
            });
            return true;
        }
        Asset asset = FILES.get(rest);
        if (asset == null) {
            return false;
        }
        Buffer body = loaded.computeIfAbsent(rest, k -> read(asset.resource()));
        if (body == null) {
            return false;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .end(body);
        return true;
    }

    private static Buffer read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                Log.warnf("Swagger UI file %s is missing from the class path", resource);
                return null;
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            Log.warnf("Cannot read %s: %s", resource, e.toString());
            return null;
        }
    }
}
