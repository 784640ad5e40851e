package org.chorus.notifications.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.notifications.config.StreamConfig;
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
    private final StreamOpener opener;
    private final StreamConfig config;
    private final ObjectMapper json;

    StreamRoute(StreamTickets tickets, StreamOpener opener, StreamConfig config, ObjectMapper json) {
        this.tickets = tickets;
        this.opener = opener;
        this.config = config;
        this.json = json;
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
        return parseLastEventId(value);
    }

    /** -1 for none; a NumberFormatException for anything but a non-negative number. */
    static long parseLastEventId(String value) {
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
        // the first bytes commit the headers, so the client knows at once that the stream is open
        response.write("retry: 2000\n: connected\n\n");
        StreamConnection connection = opener.open(owner, lastEventId, new SseSink(response), context);
        response.closeHandler(v -> opener.gone(connection));
        if (response.closed()) {
            opener.gone(connection); // the client left before the handler was in place
        }
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
