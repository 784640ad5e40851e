package org.chorus.notifications.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * The WebSocket variant: one text message per event, {@code {"event": …, "id": …, "data": …}} —
 * the same events and data as the SSE stream, {@code id} only on notifications. The socket's write
 * queue bounds a slow client's backlog as the SSE response's does.
 */
final class WebSocketSink implements StreamSink {

    /** Normal closure after a {@code close} event; 1008 (policy) when a slow client is dropped. */
    private static final short NORMAL = 1000;

    private static final short POLICY = 1008;

    private final ServerWebSocket socket;

    WebSocketSink(ServerWebSocket socket) {
        this.socket = socket;
    }

    @Override
    public void write(String event, Long seq, String data) {
        socket.writeTextMessage(message(event, seq, data));
    }

    @Override
    public void heartbeat() {
        socket.writePing(Buffer.buffer());
    }

    @Override
    public boolean writeQueueFull() {
        return socket.writeQueueFull();
    }

    @Override
    public void end() {
        socket.close(NORMAL);
    }

    @Override
    public void abort() {
        socket.close(POLICY, "too slow");
    }

    /** Event names are this service's own constants and data is JSON already, so plain concatenation is safe. */
    static String message(String event, Long seq, String data) {
        return "{\"event\":\"" + event + "\",\"id\":" + seq + ",\"data\":" + data + "}";
    }
}
