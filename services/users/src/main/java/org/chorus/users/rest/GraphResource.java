package org.chorus.users.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.users.service.GraphService;
import org.chorus.users.service.Page;
import org.chorus.users.service.PresenceService;
import org.chorus.users.service.PresenceService.FriendPresence;
import org.chorus.users.service.Suggestion;
import org.chorus.users.service.UserCard;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** Mutual friends, suggestions and presence: reads over the whole graph. */
@Path("/api/friends")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "friends")
public class GraphResource {

    private final GraphService graph;
    private final PresenceService presence;
    private final Caller caller;

    GraphResource(GraphService graph, PresenceService presence, Caller caller) {
        this.graph = graph;
        this.presence = presence;
        this.caller = caller;
    }

    @GET
    @Path("/mutual/{userId}")
    @Operation(summary = "Friends I have in common with someone", description = "404 when the user does not exist "
            + "for me (unknown, suspended, or a block lies between us).")
    public PageResponse<UserCard> mutual(@PathParam("userId") String userId, @QueryParam("limit") String limit,
                                         @QueryParam("cursor") String cursor) {
        var after = Cursors.decode(cursor);
        Page<UserCard> page = graph.mutual(caller.id(), Ids.parse(userId, "User"), after == null ? null : after.id(),
                Limits.parse(limit));
        return PageResponse.of(page);
    }

    @GET
    @Path("/suggestions")
    @Operation(summary = "People you may know", description = "Friends of friends ranked by friends in common; "
            + "never friends, pending requests, blocks either way or muted users. One ranked page (limit).")
    public PageResponse<Suggestion> suggestions(@QueryParam("limit") String limit) {
        List<Suggestion> items = graph.suggestions(caller.id(), Limits.parse(limit));
        return new PageResponse<>(items, null);
    }

    @GET
    @Path("/presence")
    @Operation(summary = "Which of my friends are online", description = "One Redis round trip for all friends.")
    public List<FriendPresence> friendsPresence() {
        return presence.friends(caller.id());
    }
}
