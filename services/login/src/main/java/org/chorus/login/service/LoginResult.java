package org.chorus.login.service;

import java.time.Instant;

/**
 * What a first factor (password, e-mail link) leads to: a session's tokens, or — with 2FA on —
 * a challenge to redeem with a code. Exactly one of the two is set.
 */
public record LoginResult(TokenPair tokens, Challenge challenge) {

    public static LoginResult of(TokenPair tokens) {
        return new LoginResult(tokens, null);
    }

    public static LoginResult of(Challenge challenge) {
        return new LoginResult(null, challenge);
    }

    /** @param value the challenge token, handed out once, stored only hashed */
    public record Challenge(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Challenge[expiresAt=" + expiresAt + "]";
        }
    }
}
