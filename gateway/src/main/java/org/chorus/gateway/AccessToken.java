package org.chorus.gateway;

/**
 * What the gateway needs from a verified access token.
 *
 * @param subject   the user id ({@code sub})
 * @param sessionId the session ({@code sid}); null for tokens not tied to a session
 * @param issuedAt  {@code iat}, epoch seconds
 */
public record AccessToken(String subject, String sessionId, long issuedAt) {}
