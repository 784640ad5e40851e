package org.chorus.notifications.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real WebSocket client (java.net.http) of {@code /api/notifications/socket}: each text message
 * is one event {@code {event, id, data}}; the close code is recorded; a refused upgrade keeps its
 * HTTP status.
 */
public final class SocketClient implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Message(String event, Long id, String data) {}

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger closeCode = new AtomicInteger(-1);
    private final int refusedStatus;
    private final WebSocket socket;

    private SocketClient(String url) {
        WebSocket opened = null;
        int refused = 0;
        try {
            opened = HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create(url), new Listener())
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                refused = h.getResponse().statusCode();
            } else {
                throw new IllegalStateException("cannot open the socket", e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the socket", e);
        }
        this.socket = opened;
        this.refusedStatus = refused;
        if (opened == null) {
            closed.countDown();
        }
    }

    /** Opens {@code base}/api/notifications/socket with this query (e.g. {@code ticket=…&lastEventId=3}). */
    public static SocketClient open(String base, String query) {
        String ws = base.replaceAll("/$", "").replaceFirst("^http", "ws") + "/api/notifications/socket"
                + (query == null ? "" : "?" + query);
        return new SocketClient(ws);
    }

    /** 101 when the socket is open, else the HTTP status the upgrade was refused with. */
    public int status() {
        return socket != null ? 101 : refusedStatus;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode node = JSON.readTree(text.toString());
                    messages.add(new Message(
                            node.get("event").asText(),
                            node.get("id").isNull() ? null : node.get("id").asLong(),
                            JSON.writeValueAsString(node.get("data"))));
                } catch (Exception e) {
                    messages.add(new Message("unreadable", null, text.toString()));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.set(statusCode);
            closed.countDown();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.countDown();
        }
    }

    /** The next message of this event within the timeout (others before it are skipped), or null. */
    public Message next(String event, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Message m = messages.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) {
                return null;
            }
            if (m.event().equals(event)) {
                return m;
            }
        }
    }

    public boolean awaitClose(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int closeCode() {
        return closeCode.get();
    }

    @Override
    public void close() {
        if (socket != null && closed.getCount() > 0) {
            socket.abort();
        }
    }
}
