package org.chorus.gateway.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Five small HTTP servers standing in for the services, on random local ports. Each answers with what it received
 * (method, path, query, headers, body) as JSON, and on request misbehaves: {@code .../slow?ms=N} answers after N ms,
 * {@code .../hangup} closes the connection without answering, {@code ?status=N} answers with that status,
 * {@code ?setRequestId=X} answers with its own X-Request-Id header. The
 * fake login also serves the JWKS with {@link TestKeys#LOGIN_KEY} and chorus-testing's key (TestJwt's), and more
 * keys can be published during a test.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final List<String> NAMES = List.of("login", "users", "content", "admin", "notifications", "messages");
    /** Completed when a request for .../never arrives; the one after it when that connection closes. */
    public static volatile java.util.concurrent.CompletableFuture<Void> neverReceived =
            new java.util.concurrent.CompletableFuture<>();

    public static volatile java.util.concurrent.CompletableFuture<Void> neverClosed =
            new java.util.concurrent.CompletableFuture<>();

    /** Completed when a WebSocket the fake accepted is closed. */
    public static volatile java.util.concurrent.CompletableFuture<Void> socketClosed =
            new java.util.concurrent.CompletableFuture<>();

    private static final List<PublicJsonWebKey> PUBLISHED_KEYS =
            new CopyOnWriteArrayList<>(List.of(TestKeys.LOGIN_KEY, TestKeys.chorusTestingKey()));
    private static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();
    private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();
    private static final java.util.Set<String> RECEIVED = ConcurrentHashMap.newKeySet();
    private static Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        for (String name : NAMES) {
            PORTS.put(name, freePort());
            startServer(name);
        }
        Map<String, String> config = new java.util.HashMap<>();
        NAMES.forEach(name -> config.put("chorus.gateway.upstream." + name, "http://localhost:" + PORTS.get(name)));
        config.put("mp.jwt.verify.publickey.location", "http://localhost:" + PORTS.get("login") + "/api/auth/jwks");
        config.put("mp.jwt.verify.issuer", TestKeys.ISSUER);
        // short, so the slow-upstream test does not wait 30 s; not shorter, so a cold JVM on a busy machine copes
        config.put("chorus.gateway.client.response-timeout", "3s");
        // so a test can publish a new key and use it at once
        config.put("chorus.gateway.jwks.min-refresh-interval", "0s");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
    }

    /** Stops one fake service; its port stays reserved for {@link #startServer(String)}. */
    public static void stopServer(String name) {
        HttpServer server = SERVERS.remove(name);
        if (server != null) {
            await(server.close());
        }
    }

    public static void startServer(String name) {
        // the upgrade is taken in the request handler, so a handshake is never echoed as a plain request
        HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(name, request));
        SERVERS.put(name, await(server.listen(PORTS.get(name), "localhost")));
    }

    /** The port a fake service listens on (the benchmark calls one directly). */
    public static int port(String name) {
        return PORTS.get(name);
    }

    /** Login "rotates": the JWKS lists this key too from now on. */
    public static void publishKey(RsaJsonWebKey key) {
        PUBLISHED_KEYS.add(key);
    }

    /** Whether any fake service received a request for this exact path. */
    public static boolean received(String path) {
        return RECEIVED.contains(path);
    }

    private static void handle(String name, HttpServerRequest request) {
        RECEIVED.add(request.path());
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            java.util.concurrent.CompletableFuture<Void> closed = socketClosed;
            request.toWebSocket()
                    .onSuccess(ws -> {
                        ws.closeHandler(v -> closed.complete(null));
                        ws.textMessageHandler(text -> ws.writeTextMessage(
                                name + ":" + text + (request.query() == null ? "" : "?" + request.query())));
                    })
                    .onFailure(e -> {
                        if (!request.response().ended()) {
                            request.response().setStatusCode(400).end("not a WebSocket handshake: " + e);
                        }
                    });
            return;
        }
        if (name.equals("login") && request.path().equals("/api/auth/jwks")) {
            JsonArray keys = new JsonArray();
            PUBLISHED_KEYS.forEach(k -> keys.add(new JsonObject(k.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
            request.response()
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("keys", keys).encode());
            return;
        }
        if (request.path().equals("/q/openapi")) {
            String doc = OpenApiDocs.of(name);
            if (doc == null) {
                request.response().setStatusCode(404).end();
            } else {
                request.response().putHeader("Content-Type", "application/json").end(doc);
            }
            return;
        }
        if (request.path().endsWith("/never")) {
            // accepts the request and never answers: the gateway must not keep this open once its client is gone
            java.util.concurrent.CompletableFuture<Void> closed = neverClosed;
            request.connection().closeHandler(v -> closed.complete(null));
            neverReceived.complete(null);
            return;
        }
        if (request.path().endsWith("/sse")) {
            // an event at once, the next one after a silence longer than the gateway's response timeout
            long gap = Long.parseLong(request.getParam("gapMs", "4000"));
            request.response()
                    .setChunked(true)
                    .putHeader("Content-Type", "text/event-stream")
                    .write("data: one\n\n");
            vertx.setTimer(gap, id -> request.response().end("data: two\n\n"));
            return;
        }
        if (request.path().endsWith("/hangup")) {
            request.connection().close();
            return;
        }
        request.body().onSuccess(body -> {
            if (request.path().endsWith("/slow")) {
                long delay = Long.parseLong(request.getParam("ms", "5000"));
                vertx.setTimer(delay, id -> echo(name, request, body));
            } else {
                echo(name, request, body);
            }
        });
    }

    private static void echo(String name, HttpServerRequest request, Buffer body) {
        JsonObject headers = new JsonObject();
        request.headers()
                .names()
                .forEach(h -> headers.put(
                        h.toLowerCase(), new JsonArray(request.headers().getAll(h))));
        JsonObject echo = new JsonObject()
                .put("upstream", name)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("query", request.query())
                .put("headers", headers)
                .put("body", body.toString());
        int status = Integer.parseInt(request.getParam("status", "200"));
        if (request.getParam("setRequestId") != null) {
            request.response().putHeader("X-Request-Id", request.getParam("setRequestId"));
        }
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(echo.encode());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
