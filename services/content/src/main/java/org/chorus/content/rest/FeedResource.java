package org.chorus.content.rest;

import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.content.service.FeedService;
import org.chorus.content.service.PostView;
import org.chorus.content.service.Viewer;
import org.chorus.web.Ids;
import org.chorus.web.KeysetCursor;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feeds")
public class FeedResource {

    private final FeedService feeds;
    private final Caller caller;

    FeedResource(FeedService feeds, Caller caller) {
        this.feeds = feeds;
        this.caller = caller;
    }

    @GET
    @Path("/home")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "My home feed",
            description = "My posts and my friends' posts I may read, newest first, " + "without people I muted.")
    public ListResponse<PostView> home(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return ListResponse.of(feeds.home(caller.user(), KeysetCursor.decode(cursor), Limits.parse(limit)));
    }

    @GET
    @Path("/public")
    @PermitAll
    @Operation(summary = "Every public post, newest first", description = "No token needed.")
    public ListResponse<PostView> everyone(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return ListResponse.of(feeds.everyone(caller.viewer(), KeysetCursor.decode(cursor), Limits.parse(limit)));
    }

    @GET
    @Path("/tags/{tag}")
    @PermitAll
    @Operation(summary = "Posts with a hashtag (without the #), newest first")
    public ListResponse<PostView> tag(
            @PathParam("tag") String tag, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Viewer viewer = caller.viewer(); // a bad token is a 401 before anything else
        if (tag == null || !tag.matches("[\\p{L}\\p{N}_]{1,100}")) {
            throw ProblemException.badRequest("invalid-tag", "a tag is 1 to 100 letters, digits or underscores");
        }
        return ListResponse.of(
                feeds.tag(viewer, tag.toLowerCase(Locale.ROOT), KeysetCursor.decode(cursor), Limits.parse(limit)));
    }

    @GET
    @Path("/users/{userId}")
    @PermitAll
    @Operation(summary = "A profile's posts that the caller may read, newest first")
    public ListResponse<PostView> user(
            @PathParam("userId") String userId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return ListResponse.of(feeds.user(
                caller.viewer(), Ids.path(userId, "User"), KeysetCursor.decode(cursor), Limits.parse(limit)));
    }

    @GET
    @Path("/users/{userId}/counts")
    @PermitAll
    @Operation(summary = "A profile's counts: posts the caller may read, comments")
    public FeedService.Counts counts(@PathParam("userId") String userId) {
        return feeds.counts(caller.viewer(), Ids.path(userId, "User"));
    }
}
