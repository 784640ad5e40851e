package org.chorus.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Sends through Quarkus' blocking {@link Mailer} (SMTP in production, a mock mailbox in tests). */
@ApplicationScoped
class SmtpMailTransport implements MailTransport {

    private final Mailer mailer;

    SmtpMailTransport(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(Mail mail) {
        mailer.send(mail);
    }
}
