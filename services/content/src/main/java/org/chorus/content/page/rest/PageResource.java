package org.chorus.content.page.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.content.page.PagePlace;
import org.chorus.content.page.service.PageService;
import org.chorus.content.page.service.PageView;
import org.chorus.content.page.service.Slice;
import org.chorus.web.Ids;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.chorus.web.StrictReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;

/** Static pages (about, terms ...): anyone reads them, administrators write them. */
@Path("/api/pages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pages")
public class PageResource {

    static final String PROBLEM = "application/problem+json";

    private final PageService pages;
    private final Admin admin;

    PageResource(PageService pages, Admin admin) {
        this.pages = pages;
        this.admin = admin;
    }

    @GET
    @PermitAll
    @Operation(
            summary = "List pages; anyone, no token needed",
            description = "Ordered by index, then name. "
                    + "Filters: place (footer, event, header, sidebar) and language (as stored, e.g. en). "
                    + "limit 1-100 (default 20); cursor from the previous answer's nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of pages")
    @APIResponse(
            responseCode = "400",
            description = "Unknown place, malformed language, bad limit or cursor",
            content = @Content(mediaType = PROBLEM))
    public ListResponse<PageView> list(
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"footer", "event", "header", "sidebar"}))
                    @QueryParam("place")
                    String place,
            @QueryParam("language") String language,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        admin.checkTokenIfSent();
        // an empty filter (?place=) is no filter
        String inLanguage = PageRequest.emptyIsNone(language);
        PagePlace wanted = PageRequest.emptyIsNone(place) == null
                ? null
                : PagePlace.of(place)
                        .orElseThrow(() -> ProblemException.badRequest(
                                "invalid-place", "place must be one of footer, event, header, sidebar"));
        if (inLanguage != null && !PageRules.isLanguage(inLanguage)) {
            throw ProblemException.badRequest(
                    "invalid-language", "language must be a language tag such as en or pt-BR");
        }
        Slice<PageView> slice = pages.list(wanted, inLanguage, Cursors.pages(cursor), Limits.parse(limit));
        return new ListResponse<>(
                slice.items(),
                slice.more()
                        ? Cursors.pages(new PageService.After(
                                slice.last().index(),
                                slice.last().name(),
                                slice.last().id()))
                        : null);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Read a page by id; anyone, no token needed")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such page (also for anything that is not a page id)",
            content = @Content(mediaType = PROBLEM))
    public PageView get(@PathParam("id") String id) {
        admin.checkTokenIfSent();
        return pages.find(Ids.path(id, "Page")).orElseThrow(() -> ProblemException.notFound("Page"));
    }

    @GET
    @Path("/by-url/{url: .+}")
    @PermitAll
    @Operation(summary = "Read a page by its url (which may contain slashes); anyone, no token needed")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "404", description = "No page has this url", content = @Content(mediaType = PROBLEM))
    public PageView byUrl(@PathParam("url") String url) {
        admin.checkTokenIfSent();
        // a url that could never be stored is simply a page that does not exist
        if (!PageRules.isUrl(url)) {
            throw ProblemException.notFound("Page");
        }
        return pages.findByUrl(url).orElseThrow(() -> ProblemException.notFound("Page"));
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "Create a page (its version 1); administrators only",
            description = "name, url and description are required; index defaults to 0, place to footer.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the page",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = PROBLEM))
    @APIResponse(
            responseCode = "409",
            description = "Another page has this url (url-taken)",
            content = @Content(mediaType = PROBLEM))
    public Response create(@Valid @NotNull PageRequest request) {
        PageView page = pages.create(request.content(), admin.id());
        return Response.created(URI.create("/api/pages/" + page.id()))
                .entity(page)
                .build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "Change a page (a new version); administrators only",
            description = "Only the fields sent "
                    + "change; absent or null fields stay as they are, an empty title or language clears it.")
    @APIResponse(
            responseCode = "200",
            description = "The page as saved",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid or unknown fields, or nothing to change",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such page", content = @Content(mediaType = PROBLEM))
    @APIResponse(
            responseCode = "409",
            description = "Another page has this url (url-taken)",
            content = @Content(mediaType = PROBLEM))
    public PageView patch(@PathParam("id") String id, @Valid @NotNull PagePatch patch) {
        if (patch.isEmpty()) {
            throw ProblemException.badRequest("empty-patch", "Send at least one field to change");
        }
        return pages.patch(Ids.path(id, "Page"), patch::applyTo, admin.id())
                .orElseThrow(() -> ProblemException.notFound("Page"));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete a page and all its versions; administrators only")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such page", content = @Content(mediaType = PROBLEM))
    public Response delete(@PathParam("id") String id) {
        if (!pages.delete(Ids.path(id, "Page"))) {
            throw ProblemException.notFound("Page");
        }
        return Response.noContent().build();
    }
}
