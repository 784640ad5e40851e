package org.chorus.users.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.users.service.GraphService.SuggestionAfter;
import org.chorus.users.service.GraphService.Suggestions;
import org.chorus.users.service.GraphService;
import org.chorus.users.service.PresenceService.FriendPresence;
import org.chorus.users.service.PresenceService;
import org.chorus.users.service.Suggestion;
import org.chorus.users.service.UserCard;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import org.chorus.web.Slice;
import org.chorus.web.Limits;
import org.chorus.web.Ids;
import org.chorus.web.ListResponse;

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
    public ListResponse<UserCard> mutual(@PathParam("userId") String userId, @QueryParam("limit") String limit,
                                         @QueryParam("cursor") String cursor) {
        var after = KeysetCursor.decode(cursor);
        Slice<UserCard> page = graph.mutual(caller.id(), Ids.path(userId, "User"), after == null ? null : after.id(),
                Limits.parse(limit));
        return ListResponse.of(page);
    }

    @GET
    @Path("/suggestions")
    @Operation(summary = "People you may know", description = "Friends of friends, most friends in common first "
            + "(then by id, so pages never repeat or skip anyone); never friends, pending requests, blocks either way "
            + "or muted users. Cursor-paginated like every list.")
    public ListResponse<Suggestion> suggestions(@QueryParam("limit") String limit,
                                                @QueryParam("cursor") String cursor) {
        Suggestions page = graph.suggestions(caller.id(), decode(cursor), Limits.parse(limit));
        return new ListResponse<>(page.items(), encode(page.next()));
    }

    @GET
    @Path("/presence")
    @Operation(summary = "Which of my friends are online", description = "My friends by id, a page at a time "
            + "(cursor-paginated like every list), each page read from Redis in one round trip.")
    public ListResponse<FriendPresence> friendsPresence(@QueryParam("limit") String limit,
                                                        @QueryParam("cursor") String cursor) {
        var after = KeysetCursor.decode(cursor);
        return ListResponse.of(presence.friends(caller.id(), after == null ? null : after.id(), Limits.parse(limit)));
    }

    // the suggestions cursor carries (mutual count, id); opaque like every other cursor
    private static String encode(SuggestionAfter after) {
        if (after == null) {
            return null;
        }
        String raw = "s." + after.mutual() + "." + after.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static SuggestionAfter decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
            long mutual = Long.parseLong(parts[1]);
            if (!"s".equals(parts[0]) || mutual < 1) {
                throw new IllegalArgumentException("not a suggestions cursor");
            }
            return new SuggestionAfter(mutual, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-cursor", "The cursor is not one this list handed out");
        }
    }
}
