package org.chorus.login.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.login.service.IdentityChanges;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/** Changing my username or e-mail address. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "account")
public class IdentityResource {

    private final IdentityChanges changes;
    private final JsonWebToken jwt;

    IdentityResource(IdentityChanges changes, JsonWebToken jwt) {
        this.changes = changes;
        this.jwt = jwt;
    }

    @PUT
    @Path("/username")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change my username",
            description = "409 username-taken; emits user-updated. Access "
                    + "tokens carry the new upn from the next refresh on.")
    public AccountResponse changeUsername(@Valid @NotNull UsernameChange body) {
        return AccountResponse.of(changes.changeUsername(UUID.fromString(jwt.getSubject()), body.username()));
    }

    @POST
    @Path("/email-change")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change my e-mail address",
            description = "Needs the password, and with 2FA on a code (or a "
                    + "recovery code). A confirmation link goes "
                    + "to the new address (email-change-requested); nothing changes until it is opened.")
    public Response requestEmailChange(@Valid @NotNull EmailChange body, @Context HttpServerRequest request) {
        changes.requestEmailChange(
                UUID.fromString(jwt.getSubject()),
                UUID.fromString(jwt.getClaim("sid")),
                body.newEmail(),
                body.proof(),
                ClientInfos.of(request));
        return Response.accepted().build();
    }

    @GET
    @Path("/email-change/confirm")
    @Operation(
            summary = "Confirm a new e-mail address (the link in the e-mail)",
            description = "Single use. The "
                    + "address is replaced and verified, every other session ends, user-updated carries previousEmail.")
    public Map<String, Boolean> confirmByLink(@QueryParam("token") @NotBlank @Size(max = 256) String token) {
        changes.confirmEmailChange(token);
        return Map.of("emailChanged", true);
    }

    @POST
    @Path("/email-change/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a new e-mail address with the token of the link (for client pages)")
    public Map<String, Boolean> confirm(@Valid @NotNull TokenRequest body) {
        changes.confirmEmailChange(body.token());
        return Map.of("emailChanged", true);
    }
}
