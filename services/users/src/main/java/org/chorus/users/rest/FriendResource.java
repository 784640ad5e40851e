package org.chorus.users.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.users.service.FriendRequestView;
import org.chorus.users.service.FriendService;
import org.chorus.users.service.UserCard;
import org.chorus.web.KeysetCursor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.Authenticated;
import org.chorus.web.StrictReader;
import org.chorus.web.Limits;
import org.chorus.web.Ids;
import org.chorus.web.ListResponse;

@Path("/api/friends")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "friends")
public class FriendResource {

    private final FriendService friends;
    private final Caller caller;

    FriendResource(FriendService friends, Caller caller) {
        this.friends = friends;
        this.caller = caller;
    }

    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @Operation(summary = "Send a friend request", description = "400 to yourself; 409 when already friends or a "
            + "request between you is pending; 404 when the user does not exist for you (unknown, or a block lies "
            + "between you). Publishes friend-request-sent.")
    public Response send(@Valid @NotNull FriendRequestCommand command) {
        FriendRequestView sent = friends.send(caller.id(), command.toUserId());
        return Response.status(Response.Status.CREATED).entity(sent).build();
    }

    @DELETE
    @Path("/requests/{id}")
    @Operation(summary = "Cancel a request I sent (404 for anyone else)")
    public void cancel(@PathParam("id") String id) {
        friends.cancel(caller.id(), Ids.path(id, "Friend request"));
    }

    @POST
    @Path("/requests/{id}/accept")
    @Operation(summary = "Accept a request sent to me (404 for anyone else)", description = "Publishes friendship-created.")
    public UserCard accept(@PathParam("id") String id) {
        return friends.accept(caller.id(), Ids.path(id, "Friend request"));
    }

    @POST
    @Path("/requests/{id}/decline")
    @Operation(summary = "Decline a request sent to me (404 for anyone else)")
    public void decline(@PathParam("id") String id) {
        friends.decline(caller.id(), Ids.path(id, "Friend request"));
    }

    @GET
    @Path("/requests/incoming")
    @Operation(summary = "Pending requests sent to me, newest first")
    public ListResponse<FriendRequestView> incoming(@QueryParam("limit") String limit,
                                                    @QueryParam("cursor") String cursor) {
        return ListResponse.of(friends.incoming(caller.id(), KeysetCursor.decode(cursor), Limits.parse(limit)));
    }

    @GET
    @Path("/requests/outgoing")
    @Operation(summary = "Pending requests I sent, newest first")
    public ListResponse<FriendRequestView> outgoing(@QueryParam("limit") String limit,
                                                    @QueryParam("cursor") String cursor) {
        return ListResponse.of(friends.outgoing(caller.id(), KeysetCursor.decode(cursor), Limits.parse(limit)));
    }

    @GET
    @Operation(summary = "My friends, most recent friendship first")
    public ListResponse<UserCard> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return ListResponse.of(friends.friends(caller.id(), KeysetCursor.decode(cursor), Limits.parse(limit)));
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Unfriend", description = "404 when we are not friends. Publishes friendship-removed.")
    public void unfriend(@PathParam("userId") String userId) {
        friends.unfriend(caller.id(), Ids.path(userId, "Friend"));
    }
}
