package org.chorus.login.rest;

import java.util.List;

import org.chorus.login.service.LoginResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a correct first factor when the account has 2FA on: no tokens yet, a challenge
 * to send with a code to {@code POST /api/auth/login/2fa}.
 *
 * @param expiresIn seconds the challenge stays usable (at most 300)
 */
@Schema(description = "Two-factor authentication is on: send the challenge with a code to POST /api/auth/login/2fa")
public record MfaChallengeResponse(
        @Schema(description = "always true", example = "true")
        boolean mfaRequired,

        @Schema(description = "single use; dies after 5 wrong codes")
        String challenge,

        long expiresIn,
        @Schema(example = "[\"totp\", \"recovery-code\"]") List<String> methods) {

    static MfaChallengeResponse of(LoginResult.Challenge challenge) {
        long seconds = Math.max(
                0,
                java.time.Duration.between(java.time.Instant.now(), challenge.expiresAt())
                        .toSeconds());
        return new MfaChallengeResponse(true, challenge.value(), seconds, List.of("totp", "recovery-code"));
    }

    @Override
    public String toString() {
        return "MfaChallengeResponse[]";
    }
}
