package org.chorus.notifications.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.chorus.notifications.service.MailTransport;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * Replaces the SMTP transport in tests: passes every mail to the (mock) {@link Mailer}, except
 * that a test can make the next sends to one address fail, as a refusing mail server would.
 * Keyed by recipient so that other tests' mails are never affected.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FlakyMailTransport implements MailTransport {

    private final Mailer mailer;
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> drops = new ConcurrentHashMap<>();

    FlakyMailTransport(Mailer mailer) {
        this.mailer = mailer;
    }

    /** The next {@code times} sends to {@code recipient} throw. */
    public void failNext(String recipient, int times) {
        failures.put(recipient, new AtomicInteger(times));
    }

    /** The next {@code times} sends to {@code recipient} fail as on a connection the server dropped (SMTP 421). */
    public void dropConnectionNext(String recipient, int times) {
        drops.put(recipient, new AtomicInteger(times));
    }

    /** How often sending to {@code recipient} was tried, failures included. */
    public int attempts(String recipient) {
        AtomicInteger count = attempts.get(recipient);
        return count == null ? 0 : count.get();
    }

    @Override
    public void send(Mail mail) {
        for (String to : mail.getTo()) {
            attempts.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
            AtomicInteger dropped = drops.get(to);
            if (dropped != null && dropped.getAndDecrement() > 0) {
                throw new IllegalStateException("421 4.4.2 chorus.test Error: timeout exceeded, closing connection");
            }
            AtomicInteger left = failures.get(to);
            if (left != null && left.getAndDecrement() > 0) {
                throw new IllegalStateException("test: mail server refused " + to);
            }
        }
        mailer.send(mail);
    }
}
