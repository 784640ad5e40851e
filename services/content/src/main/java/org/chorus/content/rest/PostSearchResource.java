package org.chorus.content.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.content.service.PostView;
import org.chorus.content.service.SearchService;
import org.chorus.content.service.Viewer;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.chorus.web.RankedCursor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/search/posts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class PostSearchResource {

    private final SearchService search;
    private final Caller caller;

    PostSearchResource(SearchService search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(
            summary = "Search the posts the caller may read",
            description = "q: 2-200 characters. Full text "
                    + "(language configuration from ?language=, default English, plus exact words) and trigram matches for "
                    + "partial words, best first. Never shows what the caller may not read, nor muted authors.")
    public ListResponse<PostView> posts(
            @QueryParam("q") String q,
            @QueryParam("language") String language,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Viewer viewer = caller.viewer(); // a bad token is a 401 before anything else
        if (q == null || q.strip().length() < 2 || q.strip().length() > 200 || q.indexOf('\0') >= 0) {
            throw ProblemException.badRequest("invalid-query", "q must be 2 to 200 characters");
        }
        if (language != null && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            throw ProblemException.badRequest("invalid-language", "language must be a language tag such as en");
        }
        SearchService.Result result =
                search.posts(viewer, q, language, RankedCursor.decode(cursor), Limits.parse(limit));
        return new ListResponse<>(result.items(), RankedCursor.encode(result.next()));
    }
}
