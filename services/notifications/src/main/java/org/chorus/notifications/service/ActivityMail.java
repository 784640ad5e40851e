package org.chorus.notifications.service;

/**
 * The data of an {@code ACTIVITY} mail, as stored in the delivery row.
 *
 * @param unsubscribeUrl the RFC 8058 one-click link; dropped from the row once sent
 */
public record ActivityMail(String username, String subject, String line, String link, String unsubscribeUrl) {}
