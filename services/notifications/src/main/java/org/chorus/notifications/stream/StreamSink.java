package org.chorus.notifications.stream;

/**
 * Where one open stream's frames go: an SSE response or a WebSocket. Called only on the
 * connection's own event-loop context, so implementations need no locks.
 */
interface StreamSink {

    /** One event; {@code seq} is the user's sequence number of a notification, else null. */
    void write(String event, Long seq, String data);

    /** A keep-alive for proxies (an SSE comment line, a WebSocket ping). */
    void heartbeat();

    /** The client fell behind by more than the configured bytes. */
    boolean writeQueueFull();

    /** Ends the stream after the last frame was written. */
    void end();

    /** Drops the connection at once (slow client). */
    void abort();
}
