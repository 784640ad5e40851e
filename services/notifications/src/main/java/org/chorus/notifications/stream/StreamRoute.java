package org.chorus.notifications.stream;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.notifications.config.StreamConfig;
import org.chorus.notifications.service.NotificationItem;
import org.chorus.notifications.service.NotificationQueries;
import org.chorus.web.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/notifications/stream?ticket=…} — the live stream, Server-Sent Events written
 * straight to the Vert.x response (no framework buffer between us and the socket, so a slow
 * client's backlog is visible as the connection's write queue and can be bounded).
 * A {@code Last-Event-ID} header (or {@code lastEventId} parameter, for a new EventSource after a
 * fresh ticket) replays what changed since from the database.
 */
@ApplicationScoped
class StreamRoute {

    static final String PATH = "/api/notifications/stream";

    private final StreamTickets tickets;
    private final StreamHub hub;
    private final NotificationQueries queries;
    private final StreamConfig config;
    private final ObjectMapper json;
    private final Vertx vertx;

    StreamRoute(
            StreamTickets tickets,
            StreamHub hub,
            NotificationQueries queries,
            StreamConfig config,
            ObjectMapper json,
            Vertx vertx) {
        this.tickets = tickets;
        this.hub = hub;
        this.queries = queries;
        this.config = config;
        this.json = json;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        // before Quarkus REST, which would answer 404/405 for a path it has no resource for
        router.route(HttpMethod.GET, PATH)
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(this::open);
    }

    private void open(RoutingContext ctx) {
        String ticket = ctx.request().getParam("ticket");
        if (ticket == null || ticket.isBlank()) {
            problem(
                    ctx,
                    400,
                    "missing-ticket",
                    "Bad request",
                    "ticket is required: POST /api/notifications/stream-tickets first");
            return;
        }
        if (ticket.length() > 128) {
            problem(ctx, 401, "invalid-ticket", "Unauthorized", "the ticket is unknown, used or expired");
            return;
        }
        long lastEventId;
        try {
            lastEventId = lastEventId(ctx);
        } catch (NumberFormatException e) {
            problem(
                    ctx,
                    400,
                    "invalid-last-event-id",
                    "Bad request",
                    "Last-Event-ID must be a number this stream sent");
            return;
        }
        Context context = Vertx.currentContext();
        tickets.redeem(ticket)
                .subscribe()
                .with(
                        owner -> context.runOnContext(v -> {
                            if (owner == null) {
                                problem(
                                        ctx,
                                        401,
                                        "invalid-ticket",
                                        "Unauthorized",
                                        "the ticket is unknown, used or expired");
                            } else {
                                start(ctx, context, owner, lastEventId);
                            }
                        }),
                        failure -> context.runOnContext(v -> {
                            Log.warnf("Stream ticket not checked: %s", failure.getMessage());
                            problem(ctx, 503, "unavailable", "Service unavailable", "try again in a moment");
                        }));
    }

    /** -1: no replay (a first connection); n ≥ 0: replay what changed after n. */
    private static long lastEventId(RoutingContext ctx) {
        String value = ctx.request().getHeader("Last-Event-ID");
        if (value == null || value.isBlank()) {
            value = ctx.request().getParam("lastEventId");
        }
        if (value == null || value.isBlank()) {
            return -1;
        }
        long id = Long.parseLong(value.trim());
        if (id < 0) {
            throw new NumberFormatException("negative");
        }
        return id;
    }

    private void start(RoutingContext ctx, Context context, StreamTickets.Owner owner, long lastEventId) {
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            return;
        }
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache, no-store")
                .putHeader("X-Accel-Buffering", "no");
        response.setWriteQueueMaxSize(config.bufferBytes());
        StreamConnection[] holder = new StreamConnection[1];
        StreamConnection connection = new StreamConnection(
                owner.userId(),
                owner.sessionId(),
                owner.tokenIssuedAt(),
                Math.max(lastEventId, 0),
                response,
                context,
                () -> hub.unregister(holder[0]));
        holder[0] = connection;
        response.closeHandler(v -> {
            connection.gone();
            hub.unregister(connection);
        });
        // the first bytes commit the headers, so the client knows at once that the stream is open
        response.write("retry: 2000\n: connected\n\n");
        hub.register(connection);
        vertx.<List<String[]>>executeBlocking(() -> replay(owner, lastEventId), false)
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        List<String[]> frames = ar.result();
                        long highest = frames.stream()
                                .filter(f -> f[1] != null)
                                .mapToLong(f -> Long.parseLong(f[1]))
                                .max()
                                .orElse(0);
                        connection.replayed(frames, highest);
                    } else {
                        Log.warnf(
                                "Stream replay failed for %s: %s",
                                owner.userId(), ar.cause().getMessage());
                        connection.close("unavailable");
                    }
                });
    }

    /** Frames {event, id, data}: the missed notifications (oldest change first), then the unread count. */
    private List<String[]> replay(StreamTickets.Owner owner, long lastEventId) throws JsonProcessingException {
        List<String[]> frames = new ArrayList<>();
        if (lastEventId >= 0) {
            for (NotificationItem item : queries.changedAfter(owner.userId(), lastEventId, config.replayLimit())) {
                frames.add(new String[] {
                    StreamMessage.NOTIFICATION, Long.toString(item.seq()), json.writeValueAsString(item)
                });
            }
        }
        frames.add(new String[] {
            StreamMessage.UNREAD_COUNT,
            null,
            json.writeValueAsString(json.createObjectNode().put("count", queries.unreadCount(owner.userId())))
        });
        return frames;
    }

    private void problem(RoutingContext ctx, int status, String slug, String title, String detail) {
        try {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(Problem.of(status, slug, title, detail)));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
