package org.chorus.notifications.rest;

import java.net.URI;

import jakarta.json.JsonString;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.notifications.stream.StreamTickets;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;

/** Exchanges the bearer token for a single-use, 30-second ticket to open the stream with (see README). */
@Path("/api/notifications/stream-tickets")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "jwt")
public class StreamTicketResource {

    private final StreamTickets tickets;
    private final JsonWebToken jwt;

    StreamTicketResource(StreamTickets tickets, JsonWebToken jwt) {
        this.tickets = tickets;
        this.jwt = jwt;
    }

    @POST
    @Operation(
            summary = "A single-use ticket for GET /api/notifications/stream?ticket=",
            description = "Valid 30 seconds, once, bound to my user and this token's session: a revoked session's "
                    + "stream is closed within a second.")
    @APIResponse(responseCode = "201", description = "the ticket and when it expires")
    public Response create() {
        Object claim = jwt.getClaim("sid");
        String sid = claim instanceof JsonString text ? text.getString() : claim == null ? null : claim.toString();
        StreamTickets.Ticket ticket =
                tickets.issue(new StreamTickets.Owner(Params.subject(jwt.getSubject()), sid, jwt.getIssuedAtTime()));
        return Response.created(URI.create("/api/notifications/stream"))
                .entity(ticket)
                .build();
    }
}
