package org.chorus.gateway.auth;

/** Login's JWKS could not be fetched and no keys are cached: tokens cannot be judged either way. */
public class KeysUnavailableException extends RuntimeException {

    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
