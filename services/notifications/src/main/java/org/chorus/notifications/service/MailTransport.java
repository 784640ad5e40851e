package org.chorus.notifications.service;

import io.quarkus.mailer.Mail;

/**
 * Hands a rendered e-mail to the mail server; returns once the server accepted it and throws
 * when it did not. A seam of its own so that tests can make sending fail.
 */
public interface MailTransport {

    void send(Mail mail);
}
