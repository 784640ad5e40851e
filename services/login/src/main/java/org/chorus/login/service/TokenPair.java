package org.chorus.login.service;

import java.util.UUID;

/** What a login or refresh hands out: a signed access token and the session's new refresh token. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, UUID sessionId) {}
