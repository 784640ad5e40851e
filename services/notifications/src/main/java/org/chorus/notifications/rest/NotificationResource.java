package org.chorus.notifications.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.notifications.service.NotificationItem;
import org.chorus.notifications.service.NotificationQueries;
import org.chorus.notifications.service.NotificationStore;
import org.chorus.web.Ids;
import org.chorus.web.KeysetCursor;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;

/** The caller's own notifications; someone else's are 404, as if they did not exist. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "jwt")
public class NotificationResource {

    private final NotificationQueries queries;
    private final NotificationStore store;
    private final JsonWebToken jwt;

    NotificationResource(NotificationQueries queries, NotificationStore store, JsonWebToken jwt) {
        this.queries = queries;
        this.store = store;
        this.jwt = jwt;
    }

    public record UnreadCount(long count) {}

    @GET
    @Operation(
            summary = "My notifications, newest activity first",
            description = "Grouped: the same kind on the same target within the group window is one entry with the "
                    + "latest three actors and the number of people; a new person makes it unread again.")
    public ListResponse<NotificationItem> list(
            @Parameter(description = "true: only unread entries") @QueryParam("unread") String unread,
            @Parameter(description = "only this kind, e.g. comment") @QueryParam("kind") String kind,
            @Parameter(description = "page size, 1-100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Slice<NotificationItem> page = queries.page(
                me(),
                Params.flag("unread", unread),
                Params.kind(kind),
                KeysetCursor.decode(cursor),
                Limits.parse(limit));
        return ListResponse.of(page);
    }

    @GET
    @Path("unread-count")
    @Operation(summary = "How many of my entries are unread")
    public UnreadCount unreadCount() {
        return new UnreadCount(queries.unreadCount(me()));
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    @APIResponse(responseCode = "204", description = "read")
    public void read(@PathParam("id") String id) {
        if (!store.markRead(me(), Ids.path(id, "Notification"))) {
            throw ProblemException.notFound("Notification " + id);
        }
    }

    @POST
    @Path("read-all")
    @Operation(summary = "Mark all my notifications read")
    @APIResponse(responseCode = "204", description = "all read")
    public void readAll() {
        store.markAllRead(me());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete one of my notifications")
    @APIResponse(responseCode = "204", description = "deleted")
    public void delete(@PathParam("id") String id) {
        if (!store.delete(me(), Ids.path(id, "Notification"))) {
            throw ProblemException.notFound("Notification " + id);
        }
    }

    private java.util.UUID me() {
        return Params.subject(jwt.getSubject());
    }
}
