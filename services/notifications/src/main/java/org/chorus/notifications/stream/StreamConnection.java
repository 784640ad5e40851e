package org.chorus.notifications.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.logging.Log;
import io.vertx.core.Context;

/**
 * One open stream (SSE or WebSocket). Every write happens on the connection's own event-loop
 * context, so frames never interleave and nothing here needs a lock. While a replay from the
 * database is under way (Last-Event-ID on opening, or a catch-up after the Redis subscription came
 * back), live frames wait in a small list; notification frames the client already has (sequence at
 * or below the last one written) are skipped, so replay and live delivery never duplicate.
 *
 * <p>A client that does not read fills the connection's write queue (bounded by
 * {@code chorus.notifications.stream.buffer-bytes}); it is then dropped instead of being buffered
 * without end — the others never wait for it.
 */
final class StreamConnection {

    private static final int MAX_PENDING = 1000;

    /** One frame: event name, sequence number (notifications only) and JSON data. */
    record Frame(String event, Long seq, String data) {}

    final UUID userId;
    final String sessionId;
    /** iat of the token the ticket was issued for: login's user deny-list entry voids tokens up to a time. */
    final long tokenIssuedAt;

    final long openedAt = System.nanoTime();

    /** This stream's entry in the cluster-wide registry ({@link StreamRegistry}); null until registered. */
    volatile String registryMember;

    private final StreamSink sink;
    private final Context context;
    private final Runnable onClose;
    private volatile long lastSeq;
    private List<Frame> pending = new ArrayList<>();
    private volatile boolean closed;

    StreamConnection(
            UUID userId,
            String sessionId,
            long tokenIssuedAt,
            long lastSeq,
            StreamSink sink,
            Context context,
            Runnable onClose) {
        this.userId = userId;
        this.sessionId = sessionId;
        this.tokenIssuedAt = tokenIssuedAt;
        this.lastSeq = lastSeq;
        this.sink = sink;
        this.context = context;
        this.onClose = onClose;
    }

    /** From any thread: queue a frame; a notification frame carries its sequence number. */
    void offer(String event, Long seq, String data) {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            Frame frame = new Frame(event, seq, data);
            if (pending != null) {
                if (pending.size() >= MAX_PENDING) {
                    drop("too many events while replaying");
                } else {
                    pending.add(frame);
                }
                return;
            }
            writeIfNew(frame);
        });
    }

    /** From any thread: live frames wait from now on until the next {@link #replayed} (a catch-up begins). */
    void holdLive() {
        context.runOnContext(v -> {
            if (pending == null) {
                pending = new ArrayList<>();
            }
        });
    }

    /** Sequence number of the last notification written (what a catch-up replays after). */
    long lastSeq() {
        return lastSeq;
    }

    /** On the context: writes the missed notifications and the unread count, then the frames that waited. */
    void replayed(List<Frame> frames) {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            for (Frame f : frames) {
                writeIfNew(f);
            }
            List<Frame> waiting = pending;
            pending = null;
            if (waiting != null) {
                waiting.forEach(this::writeIfNew);
            }
        });
    }

    void heartbeat() {
        context.runOnContext(v -> {
            if (!closed) {
                sink.heartbeat();
            }
        });
    }

    /** Tells the client why (event {@code close}) and ends the stream. */
    void close(String reason) {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            write(new Frame("close", null, "{\"reason\":\"" + reason + "\"}"));
            if (closed) {
                return; // dropped while writing
            }
            closed = true;
            onClose.run();
            sink.end();
        });
    }

    /** The connection went away (client, network, or server shutdown). */
    void gone() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    /** Notifications the client already has are skipped; everything else is written. */
    private void writeIfNew(Frame frame) {
        if (frame.seq() != null) {
            if (frame.seq() <= lastSeq) {
                return;
            }
            lastSeq = frame.seq();
        }
        write(frame);
    }

    private void write(Frame frame) {
        if (closed) {
            return;
        }
        if (sink.writeQueueFull()) {
            drop("client too slow");
            return;
        }
        sink.write(frame.event(), frame.seq(), frame.data());
    }

    private void drop(String why) {
        Log.debugf("Dropping stream of %s: %s", userId, why);
        closed = true;
        onClose.run();
        sink.abort();
    }
}
