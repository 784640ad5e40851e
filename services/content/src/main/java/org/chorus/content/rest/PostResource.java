package org.chorus.content.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.content.TargetKind;
import org.chorus.content.Visibility;
import org.chorus.content.service.CommentService;
import org.chorus.content.service.CommentView;
import org.chorus.content.service.PostReader;
import org.chorus.content.service.PostService;
import org.chorus.content.service.PostView;
import org.chorus.content.service.ReactionService;
import org.chorus.content.service.VersionService;
import org.chorus.content.service.VersionView;
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

@Path("/api/posts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "posts")
public class PostResource {

    private final PostService posts;
    private final PostReader reader;
    private final VersionService versions;
    private final CommentService comments;
    private final ReactionService reactions;
    private final Caller caller;

    PostResource(
            PostService posts,
            PostReader reader,
            VersionService versions,
            CommentService comments,
            ReactionService reactions,
            Caller caller) {
        this.posts = posts;
        this.reader = reader;
        this.versions = versions;
        this.comments = comments;
        this.reactions = reactions;
        this.caller = caller;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "201", description = "The post, with its Location")
    @Operation(
            summary = "Write a post",
            description = "text: 1-5000 characters of plain text; visibility public "
                    + "(default), friends or private; language optional. @username mentions of existing users and #tags come "
                    + "back as entities.")
    public Response create(@Valid @NotNull PostCommand command) {
        PostView post = posts.create(
                caller.user(),
                command.text(),
                command.visibility() == null ? Visibility.PUBLIC.wire() : command.visibility(),
                command.language());
        return Response.created(URI.create("/api/posts/" + post.id()))
                .entity(post)
                .build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(
            summary = "A post",
            description =
                    "No token needed for public posts. 404 when it does not exist or "
                            + "the caller may not read it (friends-only and not a friend, private, a block either way, suspended author).")
    public PostView get(@PathParam("id") String id) {
        return reader.one(caller.viewer(), Ids.path(id, "Post")).orElseThrow(() -> ProblemException.notFound("Post"));
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "Edit my post",
            description = "Absent fields stay as they are; every change is a new version. "
                    + "403 for anyone but the author who may read it, 404 for everyone else.")
    public PostView edit(@PathParam("id") String id, @Valid @NotNull PostEdit edit) {
        return posts.edit(
                caller.user(),
                Ids.path(id, "Post"),
                new PostService.Edit(edit.text(), edit.visibility(), edit.language()));
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "204", description = "Deleted, with its versions, comments and reactions")
    @Operation(summary = "Delete my post")
    public void delete(@PathParam("id") String id) {
        posts.delete(caller.user(), Ids.path(id, "Post"));
    }

    @GET
    @Path("/{id}/versions")
    @PermitAll
    @Operation(summary = "A post's versions, newest first", description = "Every saved state, the original included.")
    public ListResponse<VersionView> versions(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Viewer viewer = caller.viewer(); // a bad token is a 401 before any other check
        UUID post = Ids.path(id, "Post");
        return ListResponse.of(versions.list(viewer, post, KeysetCursor.decode(cursor), Limits.parse(limit)));
    }

    @GET
    @Path("/{id}/versions/{number}")
    @PermitAll
    @Operation(summary = "One version of a post")
    public VersionView version(@PathParam("id") String id, @PathParam("number") String number) {
        Viewer viewer = caller.viewer(); // a bad token is a 401 before any other check
        return versions.one(viewer, Ids.path(id, "Post"), Ids.pathNumber(number, "Version"));
    }

    @GET
    @Path("/{id}/comments")
    @PermitAll
    @Operation(summary = "A post's top-level comments, oldest first, each with its number of replies")
    public ListResponse<CommentView> comments(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Viewer viewer = caller.viewer(); // a bad token is a 401 before any other check
        UUID post = Ids.path(id, "Post");
        return ListResponse.of(comments.topLevel(viewer, post, KeysetCursor.decode(cursor), Limits.parse(limit)));
    }

    @POST
    @Path("/{id}/comments")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "201", description = "The comment, with its Location")
    @Operation(
            summary = "Comment on a post, or reply to a top-level comment (parentId)",
            description = "Replies to replies are refused (422): one level of threading.")
    public Response comment(@PathParam("id") String id, @Valid @NotNull CommentCommand command) {
        UUID post = Ids.path(id, "Post");
        UUID parent = command.parentId() == null ? null : Ids.field(command.parentId(), "parentId");
        CommentView created = comments.create(caller.user(), post, command.text(), parent);
        return Response.created(URI.create("/api/comments/" + created.id()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{id}/reactions/mine")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Set or change my reaction to a post")
    public ReactionService.Mine react(@PathParam("id") String id, @Valid @NotNull ReactionCommand command) {
        return reactions.set(caller.user(), TargetKind.POST, Ids.path(id, "Post"), command.reaction());
    }

    @DELETE
    @Path("/{id}/reactions/mine")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "204", description = "No reaction of mine any more")
    @Operation(summary = "Remove my reaction to a post")
    public void unreact(@PathParam("id") String id) {
        reactions.remove(caller.user(), TargetKind.POST, Ids.path(id, "Post"));
    }

    @GET
    @Path("/{id}/reactions")
    @PermitAll
    @Operation(summary = "Who reacted to a post, newest first; ?reaction= for one kind")
    public ListResponse<ReactionService.Reactor> reactions(
            @PathParam("id") String id,
            @QueryParam("reaction") String reaction,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Viewer viewer = caller.viewer(); // a bad token is a 401 before any other check
        UUID post = Ids.path(id, "Post");
        return ListResponse.of(reactions.list(
                viewer,
                TargetKind.POST,
                post,
                Reactions.kind(reaction),
                KeysetCursor.decode(cursor),
                Limits.parse(limit)));
    }
}
