package org.chorus.users.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.users.service.GraphService;
import org.chorus.users.service.GraphService.SuggestionAfter;
import org.chorus.users.service.GraphService.Suggestions;
import org.chorus.users.service.PresenceService;
import org.chorus.users.service.PresenceService.FriendPresence;
import org.chorus.users.service.Suggestion;
import org.chorus.users.service.UserCard;
import org.chorus.web.Ids;
import org.chorus.web.KeysetCursor;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.OpaqueCursor;
import org.chorus.web.Slice;
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
    @Operation(
            summary = "Friends I have in common with someone",
            description =
                    "404 when the user does not exist " + "for me (unknown, suspended, or a block lies between us).")
    public ListResponse<UserCard> mutual(
            @PathParam("userId") String userId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        var after = KeysetCursor.decode(cursor);
        Slice<UserCard> page = graph.mutual(
                caller.id(), Ids.path(userId, "User"), after == null ? null : after.id(), Limits.parse(limit));
        return ListResponse.of(page);
    }

    @GET
    @Path("/suggestions")
    @Operation(
            summary = "People you may know",
            description = "Friends of friends, most friends in common first "
                    + "(then by id, so pages never repeat or skip anyone); never friends, pending requests, blocks either way "
                    + "or muted users. Cursor-paginated like every list.")
    public ListResponse<Suggestion> suggestions(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Suggestions page = graph.suggestions(caller.id(), decode(cursor), Limits.parse(limit));
        return new ListResponse<>(page.items(), encode(page.next()));
    }

    @GET
    @Path("/presence")
    @Operation(
            summary = "Which of my friends are online",
            description = "My friends by id, a page at a time "
                    + "(cursor-paginated like every list), each page read from Redis in one round trip.")
    public ListResponse<FriendPresence> friendsPresence(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var after = KeysetCursor.decode(cursor);
        return ListResponse.of(presence.friends(caller.id(), after == null ? null : after.id(), Limits.parse(limit)));
    }

    // the suggestions cursor carries (mutual count, id); opaque like every other cursor
    private static String encode(SuggestionAfter after) {
        return after == null ? null : OpaqueCursor.encode("s", after.mutual(), after.id());
    }

    private static SuggestionAfter decode(String cursor) {
        String[] fields = OpaqueCursor.decode(cursor, 3);
        if (fields == null) {
            return null;
        }
        try {
            long mutual = Long.parseLong(fields[1]);
            if ("s".equals(fields[0]) && mutual >= 1) {
                return new SuggestionAfter(mutual, Ids.field(fields[2], "id"));
            }
        } catch (RuntimeException e) {
            // refused below
        }
        throw OpaqueCursor.invalid();
    }
}
