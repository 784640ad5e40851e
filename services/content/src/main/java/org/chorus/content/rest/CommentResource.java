package org.chorus.content.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.content.TargetKind;
import org.chorus.content.service.CommentService;
import org.chorus.content.service.CommentView;
import org.chorus.content.service.ReactionService;
import org.chorus.content.service.Viewer;
import org.chorus.web.Ids;
import org.chorus.web.KeysetCursor;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.chorus.web.StrictReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.Authenticated;

@Path("/api/comments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "comments")
public class CommentResource {

    private final CommentService comments;
    private final ReactionService reactions;
    private final Caller caller;

    CommentResource(CommentService comments, ReactionService reactions, Caller caller) {
        this.comments = comments;
        this.reactions = reactions;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A comment", description = "404 when the caller may not read it or its post.")
    public CommentView get(@PathParam("id") String id) {
        return comments.one(caller.viewer(), Ids.path(id, "Comment"))
                .orElseThrow(() -> ProblemException.notFound("Comment"));
    }

    @GET
    @Path("/{id}/replies")
    @PermitAll
    @Operation(summary = "Replies to a top-level comment, oldest first")
    public ListResponse<CommentView> replies(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Viewer viewer = caller.viewer(); // a bad token is a 401 before any other check
        UUID comment = Ids.path(id, "Comment");
        return ListResponse.of(comments.replies(viewer, comment, KeysetCursor.decode(cursor), Limits.parse(limit)));
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Edit my comment", description = "403 for anyone but its author who may read it.")
    public CommentView edit(@PathParam("id") String id, @Valid @NotNull CommentEdit edit) {
        return comments.edit(caller.user(), Ids.path(id, "Comment"), edit.text());
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "204", description = "Deleted, with its replies and reactions")
    @Operation(summary = "Delete a comment: its author, or the author of the post it is under")
    public void delete(@PathParam("id") String id) {
        comments.delete(caller.user(), Ids.path(id, "Comment"));
    }

    @PUT
    @Path("/{id}/reactions/mine")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Set or change my reaction to a comment")
    public ReactionService.Mine react(@PathParam("id") String id, @Valid @NotNull ReactionCommand command) {
        return reactions.set(caller.user(), TargetKind.COMMENT, Ids.path(id, "Comment"), command.reaction());
    }

    @DELETE
    @Path("/{id}/reactions/mine")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "204", description = "No reaction of mine any more")
    @Operation(summary = "Remove my reaction to a comment")
    public void unreact(@PathParam("id") String id) {
        reactions.remove(caller.user(), TargetKind.COMMENT, Ids.path(id, "Comment"));
    }

    @GET
    @Path("/{id}/reactions")
    @PermitAll
    @Operation(summary = "Who reacted to a comment, newest first; ?reaction= for one kind")
    public ListResponse<ReactionService.Reactor> reactions(
            @PathParam("id") String id,
            @QueryParam("reaction") String reaction,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Viewer viewer = caller.viewer(); // a bad token is a 401 before any other check
        UUID comment = Ids.path(id, "Comment");
        return ListResponse.of(reactions.list(
                viewer,
                TargetKind.COMMENT,
                comment,
                Reactions.kind(reaction),
                KeysetCursor.decode(cursor),
                Limits.parse(limit)));
    }
}
