package org.chorus.content.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.content.service.PageService;
import org.chorus.content.service.PageService.PageView;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/pages/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class PageResource {

    static final String SLUG = "[a-z0-9-]{1,64}";

    private final PageService pages;

    PageResource(PageService pages) {
        this.pages = pages;
    }

    @GET
    @PermitAll
    @Operation(summary = "Read a page; anyone, no token needed")
    public PageView get(@PathParam("slug") String slug) {
        // a slug that could never be stored is simply a page that does not exist
        if (!slug.matches(SLUG)) {
            throw ProblemException.notFound("Page");
        }
        return pages.find(slug).orElseThrow(() -> ProblemException.notFound("Page"));
    }

    @PUT
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create (201) or replace (200) a page; administrators only")
    public Response put(@PathParam("slug") @Pattern(regexp = SLUG, message = "must be 1-64 of a-z, 0-9 and -") String slug,
                        @Valid @NotNull PageRequest request) {
        PageService.Saved saved = pages.put(slug, request.title(), request.body());
        return saved.created()
                ? Response.created(URI.create("/api/pages/" + slug)).entity(saved.page()).build()
                : Response.ok(saved.page()).build();
    }
}
