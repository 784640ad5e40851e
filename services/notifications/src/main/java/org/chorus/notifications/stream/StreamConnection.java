package org.chorus.notifications.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;

/**
 * One open SSE stream. Every write happens on the connection's own event-loop context, so frames
 * never interleave and nothing here needs a lock. Until the Last-Event-ID replay has been written,
 * live frames wait in a small list; notification frames the client already has (sequence at or
 * below the last one written) are skipped, so replay and live delivery never duplicate.
 *
 * <p>A client that does not read fills the connection's write queue (bounded by
 * {@code chorus.notifications.stream.buffer-bytes}); it is then dropped instead of being buffered
 * without end — the others never wait for it.
 */
final class StreamConnection {

    private static final int MAX_PENDING = 1000;

    final UUID userId;
    final String sessionId;
    /** iat of the token the ticket was issued for: login's user deny-list entry voids tokens up to a time. */
    final long tokenIssuedAt;

    final long openedAt = System.nanoTime();

    private final HttpServerResponse response;
    private final Context context;
    private final Runnable onClose;
    private long lastSeq;
    private List<String> pending = new ArrayList<>();
    private boolean closed;

    StreamConnection(
            UUID userId,
            String sessionId,
            long tokenIssuedAt,
            long lastSeq,
            HttpServerResponse response,
            Context context,
            Runnable onClose) {
        this.userId = userId;
        this.sessionId = sessionId;
        this.tokenIssuedAt = tokenIssuedAt;
        this.lastSeq = lastSeq;
        this.response = response;
        this.context = context;
        this.onClose = onClose;
    }

    /** From any thread: queue a frame; a notification frame carries its sequence number. */
    void offer(String event, Long seq, String data) {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            if (pending != null) {
                if (pending.size() >= MAX_PENDING) {
                    drop("too many events while replaying");
                } else {
                    pending.add(frame(event, seq, data));
                }
                return;
            }
            if (seq != null) {
                if (seq <= lastSeq) {
                    return;
                }
                lastSeq = seq;
            }
            write(frame(event, seq, data));
        });
    }

    /** On the context: writes the missed notifications and the unread count, then the frames that waited. */
    void replayed(List<String[]> frames, long highestSeq) {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            for (String[] f : frames) {
                write(frame(f[0], f[1] == null ? null : Long.valueOf(f[1]), f[2]));
            }
            lastSeq = Math.max(lastSeq, highestSeq);
            List<String> waiting = pending;
            pending = null;
            for (String frame : waiting) {
                // frames queued during the replay: skip notifications the replay already covered
                long seq = seqOf(frame);
                if (seq < 0 || seq > lastSeq) {
                    lastSeq = Math.max(lastSeq, seq);
                    write(frame);
                }
            }
        });
    }

    void heartbeat() {
        context.runOnContext(v -> write(": heartbeat\n\n"));
    }

    /** Tells the client why (event {@code close}) and ends the stream. */
    void close(String reason) {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            write(frame("close", null, "{\"reason\":\"" + reason + "\"}"));
            closed = true;
            onClose.run();
            response.end();
        });
    }

    /** The connection went away (client, network, or server shutdown). */
    void gone() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    private void write(String frame) {
        if (closed) {
            return;
        }
        if (response.writeQueueFull()) {
            drop("client too slow");
            return;
        }
        response.write(frame);
    }

    private void drop(String why) {
        Log.debugf("Dropping stream of %s: %s", userId, why);
        closed = true;
        onClose.run();
        response.close();
    }

    static String frame(String event, Long seq, String data) {
        StringBuilder b = new StringBuilder(data.length() + 48);
        if (seq != null) {
            b.append("id: ").append(seq).append('\n');
        }
        b.append("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        return b.append('\n').toString();
    }

    private static long seqOf(String frame) {
        if (!frame.startsWith("id: ")) {
            return -1;
        }
        return Long.parseLong(frame.substring(4, frame.indexOf('\n')));
    }
}
