package org.chorus.content.page.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.content.page.service.PageHistory;
import org.chorus.content.page.service.PageService;
import org.chorus.content.page.service.PageVersionSummary;
import org.chorus.content.page.service.PageVersionView;
import org.chorus.content.page.service.PageView;
import org.chorus.content.page.service.Slice;
import org.chorus.web.Ids;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A page's version history: every save of the page, in full. Read by anyone, like the pages themselves. */
// only a page id's shape, so that /api/pages/by-url/versions stays a url
@Path("/api/pages/{id: [0-9a-fA-F-]{36}}/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pages")
public class PageVersionResource {

    private static final String PROBLEM = PageResource.PROBLEM;

    private final PageHistory history;
    private final PageService pages;
    private final Admin admin;

    PageVersionResource(PageHistory history, PageService pages, Admin admin) {
        this.history = history;
        this.pages = pages;
        this.admin = admin;
    }

    @GET
    @PermitAll
    @Operation(
            summary = "A page's versions, newest first; anyone, no token needed",
            description = "Each without "
                    + "its description (read one version for it). limit 1-100 (default 20); cursor from nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of versions")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such page", content = @Content(mediaType = PROBLEM))
    public ListResponse<PageVersionSummary> list(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        admin.checkTokenIfSent();
        UUID pageId = Ids.path(id, "Page");
        int max = Limits.parse(limit);
        Slice<PageVersionSummary> slice = history.list(pageId, Cursors.versions(cursor), max)
                .orElseThrow(() -> ProblemException.notFound("Page"));
        return new ListResponse<>(
                slice.items(), slice.more() ? Cursors.versions(slice.last().number()) : null);
    }

    @GET
    @Path("/{number}")
    @PermitAll
    @Operation(summary = "One version of a page, in full; anyone, no token needed")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PageVersionView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such page or version (also for anything that is not a " + "page id or a version number)",
            content = @Content(mediaType = PROBLEM))
    public PageVersionView get(@PathParam("id") String id, @PathParam("number") String number) {
        admin.checkTokenIfSent();
        return history.find(Ids.path(id, "Page"), Ids.pathNumber(number, "Version"))
                .orElseThrow(() -> ProblemException.notFound("Version"));
    }

    @POST
    @Path("/{number}/restore")
    @RolesAllowed("admin")
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "Restore a version as the page's new latest version; administrators only",
            description = "The new version equals the old one in every field; earlier versions stay as they are.")
    @APIResponse(
            responseCode = "201",
            description = "The page as restored; Location names its new version",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such page or version", content = @Content(mediaType = PROBLEM))
    @APIResponse(
            responseCode = "409",
            description = "Another page has taken that version's url since (url-taken)",
            content = @Content(mediaType = PROBLEM))
    public Response restore(@PathParam("id") String id, @PathParam("number") String number) {
        UUID pageId = Ids.path(id, "Page");
        PageView page = pages.restore(pageId, Ids.pathNumber(number, "Version"), admin.id())
                .orElseThrow(() -> ProblemException.notFound("Version"));
        return Response.created(URI.create("/api/pages/" + pageId + "/versions/" + page.version()))
                .entity(page)
                .build();
    }
}
