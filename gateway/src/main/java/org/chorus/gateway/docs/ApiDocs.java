package org.chorus.gateway.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.chorus.gateway.RouteTable;
import org.chorus.gateway.Upstream;
import org.chorus.gateway.config.GatewayConfig;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * The merged OpenAPI document of every service: fetched from each service's {@code /q/openapi?format=json}, merged
 * by {@link OpenApiMerger}, cached, and fetched again in the background when older than
 * {@code chorus.gateway.docs.refresh-interval}. A service that cannot be reached keeps its last good document (or
 * is left out until it can); the others are served regardless.
 */
@Singleton
public class ApiDocs {

    private static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    private final HttpClient http;
    private final RouteTable routes;
    private final long refreshNanos;
    private final long fetchTimeoutMillis;
    private final Map<Upstream, JsonObject> lastGood = new ConcurrentHashMap<>();

    private volatile JsonObject merged;
    private volatile long mergedAtNanos;
    // guarded by this
    private Future<JsonObject> inFlight;

    public ApiDocs(Vertx vertx, RouteTable routes, GatewayConfig config) {
        this.routes = routes;
        this.refreshNanos = config.docs().refreshInterval().toNanos();
        this.fetchTimeoutMillis = config.docs().fetchTimeout().toMillis();
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) fetchTimeoutMillis)
                .setKeepAlive(false));
    }

    /** The merged document; a stale one is served while a fresh one is fetched. */
    public Future<JsonObject> document() {
        JsonObject current = merged;
        if (current == null) {
            return refresh();
        }
        if (System.nanoTime() - mergedAtNanos >= refreshNanos) {
            refresh();
        }
        return Future.succeededFuture(current);
    }

    private synchronized Future<JsonObject> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        List<Upstream> upstreams = routes.upstreams();
        List<Future<?>> fetches = upstreams.stream().<Future<?>>map(u -> fetch(u).onSuccess(doc -> lastGood.put(u, doc))
                .onFailure(e -> Log.debugf("No OpenAPI document from %s: %s", u.name(), e.toString()))).toList();
        Future<JsonObject> result = Future.join(fetches).transform(ar -> {
            Map<Upstream, JsonObject> documents = new LinkedHashMap<>();
            for (Upstream upstream : upstreams) {
                JsonObject doc = lastGood.get(upstream);
                if (doc != null) {
                    documents.put(upstream, doc);
                }
            }
            JsonObject document = OpenApiMerger.merge(documents, routes);
            merged = document;
            mergedAtNanos = System.nanoTime();
            return Future.succeededFuture(document);
        });
        inFlight = result;
        result.onComplete(ar -> {
            synchronized (this) {
                inFlight = null;
            }
        });
        return result;
    }

    private Future<JsonObject> fetch(Upstream upstream) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.host())
                .setPort(upstream.port()).setSsl(upstream.ssl()).setURI("/q/openapi?format=json")
                .setIdleTimeout(fetchTimeoutMillis).addHeader("Accept", "application/json");
        return http.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("answered HTTP " + response.statusCode()))
                .compose(body -> body.length() > MAX_DOCUMENT_BYTES
                        ? Future.failedFuture("document larger than " + MAX_DOCUMENT_BYTES + " bytes")
                        : Future.succeededFuture(new JsonObject(body)));
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
