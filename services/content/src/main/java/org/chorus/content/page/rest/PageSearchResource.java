package org.chorus.content.page.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.content.page.service.PageHit;
import org.chorus.content.page.service.PageSearch;
import org.chorus.content.page.service.Slice;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/search/pages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pages")
public class PageSearchResource {

    static final int Q_MAX = 200;

    private final PageSearch search;
    private final Admin admin;

    PageSearchResource(PageSearch search, Admin admin) {
        this.admin = admin;
        this.search = search;
    }

    @GET
    @PermitAll
    @Operation(
            summary = "Search pages; anyone, no token needed",
            description = "Full text over name, title and "
                    + "description in each page's language (stemmed: \"singing\" finds \"sings\" on an English page), plus "
                    + "trigram similarity for partial words; best first. q is 1 to 200 characters. limit 1-100 (default "
                    + "20); cursor from nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of hits")
    @APIResponse(
            responseCode = "400",
            description = "q missing, blank, longer than 200 characters or holding NUL; " + "bad limit or cursor",
            content = @Content(mediaType = PageResource.PROBLEM))
    public ListResponse<PageHit> search(
            @QueryParam("q") String q, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        admin.checkTokenIfSent();
        if (q == null || q.isBlank() || q.length() > Q_MAX || q.indexOf('\0') >= 0) {
            throw ProblemException.badRequest("invalid-query", "q must be 1 to " + Q_MAX + " characters, without NUL");
        }
        Slice<PageHit> slice = search.search(q.strip(), Cursors.hits(cursor), Limits.parse(limit));
        return new ListResponse<>(
                slice.items(),
                slice.more()
                        ? Cursors.hits(new PageSearch.After(
                                slice.last().score(), slice.last().id()))
                        : null);
    }
}
