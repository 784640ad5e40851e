package org.chorus.login.rest;

import jakarta.ws.rs.core.Response;

import org.chorus.login.service.LoginResult;

/** The 200 of a first factor: the tokens, or the 2FA challenge. */
final class LoginAnswers {

    private LoginAnswers() {}

    static Response of(LoginResult result) {
        return Response.ok(
                        result.tokens() != null
                                ? TokenResponse.of(result.tokens())
                                : MfaChallengeResponse.of(result.challenge()))
                .build();
    }
}
