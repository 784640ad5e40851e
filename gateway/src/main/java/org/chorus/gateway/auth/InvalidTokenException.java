package org.chorus.gateway.auth;

/** The bearer token is not a valid access token (malformed, bad signature, expired, other issuer, unknown key). */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
