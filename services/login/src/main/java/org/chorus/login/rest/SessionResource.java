package org.chorus.login.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.login.Session;
import org.chorus.login.service.SessionService;
import org.chorus.web.Ids;
import org.chorus.web.KeysetCursor;
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** The caller's sessions (devices): list them, end one, end all the others. */
@Path("/api/auth/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "sessions")
public class SessionResource {

    private final SessionService sessions;
    private final JsonWebToken jwt;

    SessionResource(SessionService sessions, JsonWebToken jwt) {
        this.sessions = sessions;
        this.jwt = jwt;
    }

    @GET
    @Operation(
            summary = "My live sessions, newest first",
            description = "current=true marks the session of the " + "calling token.")
    public ListResponse<SessionResponse> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        UUID current = currentSession();
        Slice<Session> page = sessions.listLive(me(), KeysetCursor.decode(cursor), Limits.parse(limit));
        return ListResponse.of(page, s -> SessionResponse.of(s, current));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End one of my sessions", description = "404 when it is not a live session of mine.")
    public Response revoke(@PathParam("id") String id) {
        if (!sessions.revokeOwn(me(), Ids.path(id, "Session"), "revoked-by-user")) {
            throw ProblemException.notFound("Session");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/revoke-others")
    @Operation(summary = "End every session of mine but this one")
    public Map<String, Integer> revokeOthers() {
        return Map.of("revoked", sessions.revokeAllOf(me(), currentSession(), "revoked-by-user"));
    }

    private UUID me() {
        return UUID.fromString(jwt.getSubject());
    }

    private UUID currentSession() {
        return UUID.fromString(jwt.getClaim("sid"));
    }
}
