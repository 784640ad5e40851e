package org.chorus.content.rest;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.content.service.SearchService;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/search/tags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class TagSearchResource {

    private final SearchService search;
    private final Caller caller;

    TagSearchResource(SearchService search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(
            summary = "Hashtags by prefix, most used first",
            description = "q: 1-100 letters, digits or "
                    + "underscores, a leading # allowed; counts are of public posts. One page of at most ?limit= tags "
                    + "(nextCursor is always null: the list is a ranking, not a timeline).")
    public ListResponse<SearchService.TagCount> tags(@QueryParam("q") String q, @QueryParam("limit") String limit) {
        caller.viewer(); // a bad token is a 401 even here, where the answer is the same for everyone
        String prefix = q == null ? "" : (q.startsWith("#") ? q.substring(1) : q);
        if (!prefix.matches("[\\p{L}\\p{N}_]{1,100}")) {
            throw ProblemException.badRequest("invalid-query", "q must be 1 to 100 letters, digits or underscores");
        }
        List<SearchService.TagCount> tags = search.tags(prefix.toLowerCase(Locale.ROOT), Limits.parse(limit));
        return new ListResponse<>(tags, null);
    }
}
