package org.chorus.notifications.stream;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Opens a stream for a redeemed ticket, whatever carries it (SSE or WebSocket): registers it with
 * the hub (and so the caps), then writes the Last-Event-ID replay and the unread count; live frames
 * that arrive meanwhile wait and follow without duplicates.
 */
@ApplicationScoped
class StreamOpener {

    private final StreamHub hub;
    private final Replays replays;
    private final Vertx vertx;

    StreamOpener(StreamHub hub, Replays replays, Vertx vertx) {
        this.hub = hub;
        this.replays = replays;
        this.vertx = vertx;
    }

    /**
     * @param lastEventId -1: no replay (a first connection); n ≥ 0: replay what changed after n
     * @param context the event-loop context of the client's connection (every write happens there)
     */
    StreamConnection open(StreamTickets.Owner owner, long lastEventId, StreamSink sink, Context context) {
        StreamConnection[] holder = new StreamConnection[1];
        StreamConnection connection = new StreamConnection(
                owner.userId(),
                owner.sessionId(),
                owner.tokenIssuedAt(),
                Math.max(lastEventId, 0),
                sink,
                context,
                () -> hub.unregister(holder[0]));
        holder[0] = connection;
        hub.register(connection);
        vertx.<List<StreamConnection.Frame>>executeBlocking(() -> replays.since(owner.userId(), lastEventId), false)
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        connection.replayed(ar.result());
                    } else {
                        Log.warnf(
                                "Stream replay failed for %s: %s",
                                owner.userId(), ar.cause().getMessage());
                        connection.close("unavailable");
                    }
                });
        return connection;
    }

    /** The client went away. */
    void gone(StreamConnection connection) {
        connection.gone();
        hub.unregister(connection);
    }
}
