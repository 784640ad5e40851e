package org.chorus.admin.rest;

import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.admin.DeadLetter;
import org.chorus.admin.service.DeadLetterReplay;
import org.chorus.admin.service.DeadLetters;
import org.chorus.web.Ids;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Records consumers gave up on, per topic and consumer: list, replay to the origin topic, or discard. */
@Path("/api/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
public class DeadLetterResource {

    /** Topic and consumer names are kebab-case words; anything else names none. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,200}");

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;
    private final Caller caller;

    DeadLetterResource(DeadLetters deadLetters, DeadLetterReplay replay, Caller caller) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.caller = caller;
    }

    public record Replayed(int replayed) {}

    @GET
    @Operation(
            summary = "Pending dead letters, most recently seen first: error, payload, headers, first/last seen, count")
    public ListResponse<DeadLetter> list(
            @Parameter(description = "origin topic, e.g. user-created") @QueryParam("topic") String topic,
            @Parameter(description = "consumer, e.g. users") @QueryParam("consumer") String consumer,
            @Parameter(description = "page size, 1-100, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Slice<DeadLetter> page = deadLetters.list(
                name("topic", topic), name("consumer", consumer), KeysetCursor.decode(cursor), Params.limit(limit));
        return ListResponse.of(page);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(
            summary = "Send a dead letter back to its origin topic with its original headers",
            description = "Idempotent for the consumers: their inboxes remember the event id.")
    @APIResponse(responseCode = "204", description = "Sent and acknowledged by the broker")
    public Response replay(@PathParam("id") String id) {
        replay.replay(caller.id(), Ids.path(id, "Dead letter"));
        return Response.noContent().build();
    }

    @POST
    @Path("/replay-all")
    @Operation(
            summary = "Replay the pending dead letters of a topic and/or consumer (at most 500 per call), oldest first")
    public Replayed replayAll(@QueryParam("topic") String topic, @QueryParam("consumer") String consumer) {
        return new Replayed(replay.replayAll(caller.id(), name("topic", topic), name("consumer", consumer)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Discard a dead letter")
    @APIResponse(responseCode = "204", description = "Discarded")
    public Response discard(@PathParam("id") String id) {
        replay.discard(caller.id(), Ids.path(id, "Dead letter"));
        return Response.noContent().build();
    }

    private static String name(String param, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!NAME.matcher(value).matches()) {
            throw ProblemException.badRequest("invalid-" + param, param + " must be a topic or consumer name");
        }
        return value;
    }
}
