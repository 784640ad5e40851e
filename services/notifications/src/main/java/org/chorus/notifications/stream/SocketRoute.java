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
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/notifications/socket?ticket=…[&lastEventId=n]} with a WebSocket upgrade — the
 * same stream as SSE over a WebSocket, for clients that prefer one. Authenticated the same way:
 * the single-use ticket is redeemed <em>before</em> the upgrade, so a missing, used or expired
 * ticket is an ordinary 400/401 problem+json response and never becomes a socket; a browser's
 * WebSocket cannot send an Authorization header either, and a bearer token in the URL would end
 * up in logs. Server-to-client only: what the client sends is ignored.
 *
 * <p>Built on the Vert.x server socket Quarkus runs on rather than quarkus-websockets-next, which
 * the registry here does not serve at the Quarkus version in use; the contract is the same.
 */
@ApplicationScoped
class SocketRoute {

    static final String PATH = "/api/notifications/socket";

    private final StreamTickets tickets;
    private final StreamOpener opener;
    private final StreamConfig config;
    private final ObjectMapper json;

    SocketRoute(StreamTickets tickets, StreamOpener opener, StreamConfig config, ObjectMapper json) {
        this.tickets = tickets;
        this.opener = opener;
        this.config = config;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, PATH)
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(this::open);
    }

    private void open(RoutingContext ctx) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            problem(ctx, 400, "websocket-expected", "Bad request", "this path only answers a WebSocket upgrade");
            return;
        }
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
            lastEventId = StreamRoute.parseLastEventId(ctx.request().getParam("lastEventId"));
        } catch (NumberFormatException e) {
            problem(ctx, 400, "invalid-last-event-id", "Bad request", "lastEventId must be a number this stream sent");
            return;
        }
        Context context = Vertx.currentContext();
        ctx.request().pause();
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
                                upgrade(ctx, context, owner, lastEventId);
                            }
                        }),
                        failure -> context.runOnContext(v -> {
                            Log.warnf("Socket ticket not checked: %s", failure.getMessage());
                            problem(ctx, 503, "unavailable", "Service unavailable", "try again in a moment");
                        }));
    }

    private void upgrade(RoutingContext ctx, Context context, StreamTickets.Owner owner, long lastEventId) {
        ctx.request().toWebSocket().onComplete(ar -> {
            if (ar.failed()) {
                Log.debugf("WebSocket upgrade failed: %s", ar.cause().getMessage());
                return;
            }
            ServerWebSocket socket = ar.result();
            socket.setWriteQueueMaxSize(config.bufferBytes());
            socket.textMessageHandler(text -> {}); // server to client only
            socket.binaryMessageHandler(binary -> {});
            StreamConnection connection = opener.open(owner, lastEventId, new WebSocketSink(socket), context);
            socket.closeHandler(v -> opener.gone(connection));
            if (socket.isClosed()) {
                opener.gone(connection);
            }
        });
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
