package org.chorus.login.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.login.service.AccountService;
import org.chorus.login.service.ClientInfo;
import org.chorus.login.service.PasswordService;
import org.chorus.login.service.RateLimits;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/** Password reset by e-mail link, and password change by its owner. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "password")
public class PasswordResource {

    private final PasswordService passwords;
    private final RateLimits limits;
    private final JsonWebToken jwt;

    PasswordResource(PasswordService passwords, RateLimits limits, JsonWebToken jwt) {
        this.passwords = passwords;
        this.limits = limits;
        this.jwt = jwt;
    }

    @POST
    @Path("/password-reset")
    @Operation(
            summary = "Ask for a password reset link",
            description = "Always 202, whether or not an account "
                    + "has this address. The link (valid 30 minutes) goes out through password-reset-requested.")
    public Response requestReset(@Valid @NotNull EmailRequest body, @Context HttpServerRequest request) {
        String email = AccountService.normaliseEmail(body.email());
        limits.passwordReset(ClientInfos.of(request), email);
        passwords.requestReset(email);
        return Response.accepted().build();
    }

    @POST
    @Path("/password-reset/complete")
    @Operation(
            summary = "Set a new password with the token of a reset link",
            description = "Single use. Every session of the account ends; password-changed is emitted.")
    public Response completeReset(@Valid @NotNull ResetCompletion body) {
        passwords.completeReset(body.token(), body.newPassword());
        return Response.noContent().build();
    }

    @PUT
    @Path("/password")
    @Authenticated
    @Operation(
            summary = "Change my password",
            description = "Needs the current password, and with 2FA on a "
                    + "code (or a recovery code). Every other session "
                    + "ends; this one stays.")
    public Response change(@Valid @NotNull PasswordChange body, @Context HttpServerRequest request) {
        ClientInfo client = ClientInfos.of(request);
        passwords.change(
                UUID.fromString(jwt.getSubject()),
                UUID.fromString(jwt.getClaim("sid")),
                body.proof(),
                body.newPassword(),
                client);
        return Response.noContent().build();
    }
}
