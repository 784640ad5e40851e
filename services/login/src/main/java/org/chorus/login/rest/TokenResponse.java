package org.chorus.login.rest;

import org.chorus.login.service.TokenPair;

/**
 * The answer to a login or refresh: a short-lived access token (JWT) and the session's new
 * refresh token (opaque; the one presented is no longer valid).
 *
 * @param expiresIn seconds until the access token expires
 */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static TokenResponse of(TokenPair pair) {
        return new TokenResponse(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn());
    }
}
