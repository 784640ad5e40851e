package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code new-device-login}: a login from a device (user agent) the account had not used before.
 * Key: userId.
 * @param sessionId the session the login opened
 * @param userAgent absent when the client sent none
 * @param ipAddress the client address login saw; absent when unknown
 */
public record NewDeviceLogin(UUID userId, UUID sessionId, String userAgent, String ipAddress, Instant loggedInAt) {}
