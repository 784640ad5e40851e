package org.chorus.users.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.users.service.SearchService;
import org.chorus.users.service.SearchService.After;
import org.chorus.users.service.SearchService.Hit;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;

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
    @Operation(summary = "Find people by username or display name", description = "Trigram similarity and prefix "
            + "matches, best first; q is 2 to 100 characters. Never shows blocked (either way) or muted users.")
    public ListResponse<Hit> search(@QueryParam("q") String q, @QueryParam("limit") String limit,
                                    @QueryParam("cursor") String cursor) {
        if (q == null || q.strip().length() < 2 || q.strip().length() > 100) {
            throw ProblemException.badRequest("invalid-query", "q must be 2 to 100 characters");
        }
        SearchService.Result result = search.search(caller.id(), q, decode(cursor), Limits.parse(limit));
        return new ListResponse<>(result.items(), encode(result.next()));
    }

    private static String encode(After after) {
        if (after == null) {
            return null;
        }
        String raw = Float.floatToIntBits(after.score()) + "." + after.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static After decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 2);
            return new After(Float.intBitsToFloat(Integer.parseInt(parts[0])), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-cursor", "The cursor is not one this list handed out");
        }
    }
}
