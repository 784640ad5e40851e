package org.chorus.notifications.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.events.privacy.DataExportReady;
import org.chorus.notifications.MailKind;

/** Mail about the user's own data, always sent: the one-time download link of a data export. */
@ApplicationScoped
public class PrivacyMails {

    private final Directory directory;
    private final DeliveryQueue deliveries;

    PrivacyMails(Directory directory, DeliveryQueue deliveries) {
        this.directory = directory;
        this.deliveries = deliveries;
    }

    /** @param link the one-time download link (named {@code link} so the sent delivery drops it like every one) */
    public record ExportReady(String username, String link, Instant expiresAt) {}

    /** The user asked for it: without a known address the event goes to the dead-letter topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void exportReady(String eventId, DataExportReady e) {
        Directory.Member member = directory
                .member(e.userId())
                .filter(m -> m.email() != null)
                .orElseThrow(() -> new IllegalStateException("no address known for user " + e.userId()));
        deliveries.queue(
                eventId,
                MailKind.DATA_EXPORT_READY,
                e.userId(),
                member.email(),
                new ExportReady(member.username(), e.downloadLink(), e.expiresAt()));
    }
}
