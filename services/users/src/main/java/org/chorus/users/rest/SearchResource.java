package org.chorus.users.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.users.service.SearchService;
import org.chorus.users.service.SearchService.Hit;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.chorus.web.RankedCursor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "search")
public class SearchResource {

    private final SearchService search;
    private final Caller caller;

    SearchResource(SearchService search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    @Path("/search")
    @Operation(
            summary = "Find people by username or display name",
            description = "Trigram similarity and prefix "
                    + "matches, best first; q is 2 to 100 characters. Never shows blocked (either way) or muted users.")
    public ListResponse<Hit> search(
            @QueryParam("q") String q, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (q == null || q.strip().length() < 2 || q.strip().length() > 100) {
            throw ProblemException.badRequest("invalid-query", "q must be 2 to 100 characters");
        }
        SearchService.Result result = search.search(caller.id(), q, RankedCursor.decode(cursor), Limits.parse(limit));
        return new ListResponse<>(result.items(), RankedCursor.encode(result.next()));
    }
}
