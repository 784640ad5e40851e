package org.chorus.users.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.users.service.PublicKeyService;
import org.chorus.users.service.PublicKeyView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.Authenticated;
import org.chorus.web.StrictReader;
import org.chorus.web.Ids;
import org.chorus.web.ListResponse;

/** Public keys for end-to-end encrypted messages (at most 20 per user, so lists are one page). */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "public keys")
public class PublicKeyResource {

    private final PublicKeyService keys;
    private final Caller caller;

    PublicKeyResource(PublicKeyService keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Path("/me/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @Operation(summary = "Publish one of my public keys", description = "409 beyond 20 keys.")
    public Response publish(@Valid @NotNull PublicKeyCommand command) {
        PublicKeyView key = keys.publish(caller.id(), command.algorithm(), command.key(), command.label());
        return Response.status(Response.Status.CREATED).entity(key).build();
    }

    @GET
    @Path("/me/keys")
    @Operation(summary = "My public keys, newest first")
    public ListResponse<PublicKeyView> mine() {
        return new ListResponse<>(keys.mine(caller.id()), null);
    }

    @DELETE
    @Path("/me/keys/{keyId}")
    @Operation(summary = "Remove one of my public keys (404 if it is not mine)")
    public void remove(@PathParam("keyId") String keyId) {
        keys.remove(caller.id(), Ids.path(keyId, "Public key"));
    }

    @GET
    @Path("/{id}/keys")
    @Operation(summary = "Someone's public keys", description = "For whoever may see their full profile; "
            + "404 otherwise (unknown, suspended, blocked, or friends-only and not a friend).")
    public ListResponse<PublicKeyView> of(@PathParam("id") String id) {
        List<PublicKeyView> list = keys.of(caller.id(), Ids.path(id, "Public keys"));
        return new ListResponse<>(list, null);
    }
}
