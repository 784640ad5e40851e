package org.chorus.gateway.auth;

/** Redis could not tell whether a token is revoked and the deny-list is configured to fail closed. */
public class DenyListUnavailableException extends RuntimeException {

    public DenyListUnavailableException(Throwable cause) {
        super("The deny-list is unavailable", cause, false, false);
    }
}
