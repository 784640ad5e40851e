package org.chorus.login.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.login.Account;
import org.chorus.login.service.AccountService;
import org.chorus.login.service.LoginService;
import org.chorus.login.service.RateLimits;
import org.chorus.login.service.RefreshService;
import org.chorus.login.service.SessionService;
import org.chorus.web.NoStore;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/** Sign-up, login, refresh and logout. All but logout are open to anyone. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Sign-up, login and sessions")
public class AuthResource {

    private final AccountService accounts;
    private final LoginService logins;
    private final SessionService sessions;
    private final RefreshService refreshes;
    private final RateLimits limits;
    private final JsonWebToken jwt;

    AuthResource(AccountService accounts, LoginService logins, SessionService sessions, RefreshService refreshes,
                 RateLimits limits, JsonWebToken jwt) {
        this.limits = limits;
        this.accounts = accounts;
        this.logins = logins;
        this.sessions = sessions;
        this.refreshes = refreshes;
        this.jwt = jwt;
    }

    @POST
    @Path("/signup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account", description = "Emits user-created. 409 when the e-mail address "
            + "or username is taken (case-insensitively).")
    public Response signup(@Valid @NotNull SignupRequest body, @Context HttpServerRequest request) {
        limits.signup(ClientInfos.of(request));
        Account account = accounts.signUp(body.email(), body.username(), body.password());
        return Response.created(URI.create("/api/auth/accounts/" + account.id))
                .entity(AccountResponse.of(account))
                .build();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with a username or e-mail address and a password",
            description = "Opens a session. A wrong login or password is one and the same 401. With two-factor "
                    + "authentication on, the right password answers 200 {mfaRequired: true, challenge, expiresIn, "
                    + "methods} instead of tokens: send the challenge with a code to POST /api/auth/login/2fa.")
    @APIResponse(responseCode = "200", description = "Tokens, or the 2FA challenge (mfaRequired: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {TokenResponse.class, MfaChallengeResponse.class})))
    @NoStore
    public Response login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest request) {
        return LoginAnswers.of(logins.login(body.login(), body.password(), ClientInfos.of(request)));
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a refresh token for a new pair",
            description = "The presented token is rotated out. Presenting it again after a few seconds revokes "
                    + "the whole session (reuse detection).")
    @NoStore
    public TokenResponse refresh(@Valid @NotNull RefreshRequest body, @Context HttpServerRequest request) {
        RefreshService.RefreshOutcome outcome = refreshes.refresh(body.refreshToken(), ClientInfos.of(request));
        if (outcome.tokens() == null) {
            throw new ProblemException(401, "invalid-refresh-token", "Invalid refresh token",
                    "The refresh token is not valid; log in again");
        }
        return TokenResponse.of(outcome.tokens());
    }

    @POST
    @Path("/logout")
    @Authenticated
    @Operation(summary = "End the current session", description = "Revokes the session of the access token; "
            + "its access tokens are rejected at the gateway from now on. 409 credential-session for a token of an API credential "
            + "(delete the credential instead).")
    public Response logout() {
        sessions.logout(UUID.fromString(jwt.getClaim("sid")));
        return Response.noContent().build();
    }
}
