package org.chorus.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * Streams pass through as streams (no buffering, no response timeout once the answer has begun), WebSocket
 * upgrades are forwarded, and no upstream request outlives its client.
 */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class StreamingTest {

    private static Vertx vertx;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anEventStreamArrivesEventByEventAndOutlivesTheResponseTimeout() throws Exception {
        HttpClient client = vertx.createHttpClient();
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> all = new CompletableFuture<>();
        CompletableFuture<String> type = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicLong firstAt = new java.util.concurrent.atomic.AtomicLong();
        // the gateway's response timeout is 3 s in the tests; the upstream is silent for 4 s between events
        client.request(options("/api/notifications/sse?gapMs=4000"))
                .compose(req -> req.send())
                .onSuccess(resp -> {
                    type.complete(resp.getHeader("Content-Type") + " " + resp.statusCode());
                    Buffer received = Buffer.buffer();
                    resp.handler(chunk -> {
                        received.appendBuffer(chunk);
                        firstAt.compareAndSet(0, System.nanoTime());
                        first.complete(received.toString());
                    });
                    resp.endHandler(v -> all.complete(received.toString()));
                    resp.exceptionHandler(all::completeExceptionally);
                })
                .onFailure(all::completeExceptionally);
        assertEquals("text/event-stream 200", type.get(10, TimeUnit.SECONDS));
        assertEquals("data: one\n\n", first.get(10, TimeUnit.SECONDS));
        assertEquals("data: one\n\ndata: two\n\n", all.get(15, TimeUnit.SECONDS));
        // the first event came as it was sent, not with the rest of the stream 4 s later
        assertTrue(System.nanoTime() - firstAt.get() > TimeUnit.SECONDS.toNanos(2), "the first event was held back");
        client.close();
    }

    @Test
    void whenTheClientGoesTheUpstreamRequestIsCancelledAtOnce() throws Exception {
        FakeUpstreams.neverReceived = new CompletableFuture<>();
        FakeUpstreams.neverClosed = new CompletableFuture<>();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
        client.request(options("/api/posts/never")).compose(req -> req.send());
        FakeUpstreams.neverReceived.get(10, TimeUnit.SECONDS);
        long closedAt = System.nanoTime();
        client.close();
        FakeUpstreams.neverClosed.get(1, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - closedAt < TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void aWebSocketUpgradeIsForwardedWithTheTokenChecked() throws Exception {
        HttpClient client = vertx.createHttpClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(root.getHost())
                .setPort(root.getPort())
                .setURI("/api/notifications/ws")
                .addHeader("Authorization", "Bearer " + TestKeys.validToken());
        assertEquals("notifications:hello", echo(client, options).get(10, TimeUnit.SECONDS));

        CompletableFuture<Integer> refused = new CompletableFuture<>();
        client.webSocket(new WebSocketConnectOptions()
                        .setHost(root.getHost())
                        .setPort(root.getPort())
                        .setURI("/api/notifications/ws"))
                .onSuccess(ws -> refused.complete(101))
                .onFailure(e -> refused.complete(
                        e instanceof io.vertx.core.http.UpgradeRejectedException u ? u.getStatus() : -1));
        assertEquals(401, refused.get(10, TimeUnit.SECONDS));
        client.close();
    }

    @Test
    void theLiveSocketsOpenWithATicketAndClosingTheClientClosesTheUpstreamSocket() throws Exception {
        FakeUpstreams.socketClosed = new CompletableFuture<>();
        HttpClient client = vertx.createHttpClient();
        // no bearer token: the ticket in the query is the service's to check
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(root.getHost())
                .setPort(root.getPort())
                .setURI("/api/notifications/socket?ticket=t1");
        CompletableFuture<io.vertx.core.http.WebSocket> socket = new CompletableFuture<>();
        assertEquals(
                "notifications:hello?ticket=t1", echo(client, options, socket).get(10, TimeUnit.SECONDS));
        assertEquals(
                "messages:hello?ticket=t2",
                echo(
                                client,
                                new WebSocketConnectOptions()
                                        .setHost(root.getHost())
                                        .setPort(root.getPort())
                                        .setURI("/api/conversations/socket?ticket=t2"))
                        .get(10, TimeUnit.SECONDS));

        long closedAt = System.nanoTime();
        socket.get().close();
        FakeUpstreams.socketClosed.get(5, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - closedAt < TimeUnit.SECONDS.toNanos(5));
        client.close();
    }

    private static CompletableFuture<String> echo(HttpClient client, WebSocketConnectOptions options) {
        return echo(client, options, new CompletableFuture<>());
    }

    private static CompletableFuture<String> echo(
            HttpClient client,
            WebSocketConnectOptions options,
            CompletableFuture<io.vertx.core.http.WebSocket> socket) {
        CompletableFuture<String> echo = new CompletableFuture<>();
        client.webSocket(options)
                .onSuccess(ws -> {
                    socket.complete(ws);
                    ws.textMessageHandler(echo::complete);
                    ws.writeTextMessage("hello");
                })
                .onFailure(e -> echo.completeExceptionally(
                        e instanceof io.vertx.core.http.UpgradeRejectedException u
                                ? new AssertionError(
                                        "upgrade refused: " + u.getStatus() + " " + u.getHeaders() + " " + u.getBody())
                                : e));
        return echo;
    }

    private RequestOptions options(String uri) {
        return new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(root.getHost())
                .setPort(root.getPort())
                .setURI(uri)
                .addHeader("Authorization", "Bearer " + TestKeys.validToken());
    }
}
