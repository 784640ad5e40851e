package org.chorus.login.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.login.service.AccountService;
import org.chorus.login.service.LoginLinkService;
import org.chorus.login.service.RateLimits;
import org.chorus.web.NoStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

/** Passwordless login by e-mailed link. */
@Path("/api/auth/login-link")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class LoginLinkResource {

    private final LoginLinkService links;
    private final RateLimits limits;

    LoginLinkResource(LoginLinkService links, RateLimits limits) {
        this.links = links;
        this.limits = limits;
    }

    @POST
    @Operation(summary = "Ask for a login link", description = "Always 202, whether or not an account has this "
            + "address. Rate-limited per address and per client (429 with Retry-After). The link is valid 10 minutes.")
    public Response request(@Valid @NotNull EmailRequest body, @Context HttpServerRequest request) {
        String email = AccountService.normaliseEmail(body.email());
        limits.loginLink(ClientInfos.of(request), email);
        links.request(email);
        return Response.accepted().build();
    }

    @POST
    @Path("/complete")
    @Operation(summary = "Log in with the token of a login link", description = "Single use; opens a session. "
            + "With two-factor authentication on, the link is only the first factor: the answer is the 2FA "
            + "challenge (mfaRequired: true) for POST /api/auth/login/2fa, as after a password.")
    @APIResponse(responseCode = "200", description = "Tokens, or the 2FA challenge (mfaRequired: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {TokenResponse.class, MfaChallengeResponse.class})))
    @NoStore
    public Response complete(@Valid @NotNull TokenRequest body, @Context HttpServerRequest request) {
        return LoginAnswers.of(links.complete(body.token(), ClientInfos.of(request)));
    }
}
