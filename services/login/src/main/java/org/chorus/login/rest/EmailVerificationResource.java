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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.login.service.EmailVerificationService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** E-mail verification: redeem the link, or ask for a new one. */
@Path("/api/auth/verify-email")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "account")
public class EmailVerificationResource {

    private final EmailVerificationService verification;
    private final JsonWebToken jwt;

    EmailVerificationResource(EmailVerificationService verification, JsonWebToken jwt) {
        this.verification = verification;
        this.jwt = jwt;
    }

    @GET
    @Operation(
            summary = "Verify the e-mail address (the link in the e-mail)",
            description = "400 invalid-token when the link is unknown, used or expired.")
    public Map<String, Boolean> verifyByLink(@QueryParam("token") @NotBlank @Size(max = 256) String token) {
        verification.verify(token);
        return Map.of("emailVerified", true);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the e-mail address with the token of the link (for client pages)")
    public Map<String, Boolean> verify(@Valid @NotNull TokenRequest body) {
        verification.verify(body.token());
        return Map.of("emailVerified", true);
    }

    @POST
    @Path("/resend")
    @Authenticated
    @Operation(
            summary = "Send a new verification link",
            description = "Rate-limited (429 with Retry-After); " + "409 when the address is already verified.")
    public Response resend() {
        verification.resend(UUID.fromString(jwt.getSubject()));
        return Response.accepted().build();
    }
}
