package org.chorus.login.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.login.service.MfaChallenges;
import org.chorus.login.service.Totp;
import org.chorus.login.service.TwoFactorService;
import org.chorus.web.NoStore;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/** TOTP second factor: the code step of a login, and turning 2FA on and off for oneself. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "2fa", description = "TOTP second factor (RFC 6238) and recovery codes")
public class TwoFactorResource {

    private final TwoFactorService twoFactor;
    private final MfaChallenges challenges;
    private final JsonWebToken jwt;

    TwoFactorResource(TwoFactorService twoFactor, MfaChallenges challenges, JsonWebToken jwt) {
        this.twoFactor = twoFactor;
        this.challenges = challenges;
        this.jwt = jwt;
    }

    /** @param secret Base32; shown at enrolment only, never again */
    public record EnrolmentResponse(String secret, String otpauthUri, String algorithm, int digits, long period) {
        @Override
        public String toString() {
            return "EnrolmentResponse[]";
        }
    }

    /** Shown once; each code opens one login in place of a TOTP code. */
    public record RecoveryCodesResponse(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "RecoveryCodesResponse[]";
        }
    }

    @POST
    @Path("/login/2fa")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Second step of a login with 2FA: the challenge and a code",
            description = "Give the challenge from POST /api/auth/login (or the login-link completion) with either "
                    + "a 6-digit TOTP code or a recovery code; opens the session. A code is accepted once. "
                    + "401 invalid-code for a wrong code (counted like a wrong password: lockout, 429 per address); "
                    + "401 invalid-challenge for an unknown, used, expired (5 min) challenge or one that saw 5 wrong "
                    + "codes.")
    @NoStore
    public TokenResponse secondStep(@Valid @NotNull TwoFactorRequests.SecondStep body,
                                    @Context HttpServerRequest request) {
        TwoFactorRequests.requireOneFactor(body.code(), body.recoveryCode());
        return TokenResponse.of(challenges.complete(body.challenge(), body.code(), body.recoveryCode(),
                ClientInfos.of(request)));
    }

    @GET
    @Path("/2fa")
    @Authenticated
    @Operation(summary = "My 2FA status", description = "Whether TOTP is on, an enrolment is pending, and how "
            + "many unused recovery codes are left. Never the secret.")
    public TwoFactorService.Status status() {
        return twoFactor.status(me());
    }

    @POST
    @Path("/2fa/totp")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrol a TOTP authenticator (needs the password)",
            description = "201 with the secret (Base32) and an otpauth:// URI for a QR code, shown this once. Not "
                    + "active until confirmed with a code; enrolling again replaces a pending enrolment. 409 "
                    + "totp-already-enabled when 2FA is on.")
    @NoStore
    public Response enrol(@Valid @NotNull TwoFactorRequests.Password body, @Context HttpServerRequest request) {
        TwoFactorService.Enrolment enrolment = twoFactor.enrol(me(), body.password(), ClientInfos.of(request));
        return Response.status(201).entity(new EnrolmentResponse(enrolment.secret(), enrolment.otpauthUri(), "SHA1",
                Totp.DIGITS, Totp.STEP_SECONDS)).build();
    }

    @POST
    @Path("/2fa/totp/confirm")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the enrolment with a current code: 2FA is on",
            description = "Answers the ten single-use recovery codes, shown this once (stored only hashed). 400 for "
                    + "a wrong code; 409 no-totp-enrolment / totp-already-enabled.")
    @NoStore
    public RecoveryCodesResponse confirm(@Valid @NotNull TwoFactorRequests.Code body) {
        return new RecoveryCodesResponse(twoFactor.confirm(me(), body.code()));
    }

    @DELETE
    @Path("/2fa/totp")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn 2FA off (password and a current code or a recovery code)",
            description = "400 with the field that is wrong; a wrong code counts as a failed login. 409 "
                    + "totp-not-enabled.")
    public Response disable(@Valid @NotNull TwoFactorRequests.PasswordAndCode body,
                            @Context HttpServerRequest request) {
        TwoFactorRequests.requireOneFactor(body.code(), body.recoveryCode());
        twoFactor.disable(me(), body.password(), body.code(), body.recoveryCode(), ClientInfos.of(request));
        return Response.noContent().build();
    }

    @POST
    @Path("/2fa/recovery-codes")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ten new recovery codes (password and a current code or a recovery code)",
            description = "The previous codes stop working. Shown this once.")
    @NoStore
    public RecoveryCodesResponse regenerate(@Valid @NotNull TwoFactorRequests.PasswordAndCode body,
                                            @Context HttpServerRequest request) {
        TwoFactorRequests.requireOneFactor(body.code(), body.recoveryCode());
        return new RecoveryCodesResponse(twoFactor.regenerateRecoveryCodes(me(), body.password(), body.code(),
                body.recoveryCode(), ClientInfos.of(request)));
    }

    private UUID me() {
        return UUID.fromString(jwt.getSubject());
    }
}
