package org.chorus.notifications.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.events.admin.AppealDecided;
import org.chorus.events.admin.SanctionNoticeRequested;
import org.chorus.events.login.NewDeviceLogin;
import org.chorus.notifications.MailKind;

/**
 * Mail that is always sent (no preference turns it off): the sanction notice with its appeal link,
 * an appeal's decision, and a sign-in from a new device. Sent to the address notifications knows
 * from login's events.
 */
@ApplicationScoped
public class ModerationMails {

    private final Directory directory;
    private final DeliveryQueue deliveries;

    ModerationMails(Directory directory, DeliveryQueue deliveries) {
        this.directory = directory;
        this.deliveries = deliveries;
    }

    /** @param link the single-use appeal link (named {@code link} so the sent delivery drops it like every one-time link) */
    public record SanctionNotice(
            String username, String action, String reason, Instant until, String link, Instant appealDeadline) {}

    public record AppealDecision(String username, String decision, Instant decidedAt) {}

    public record NewDevice(String username, String userAgent, String ipAddress, Instant loggedInAt) {}

    /** A sanction notice must reach its user: without a known address the event goes to the dead-letter topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sanctionNotice(String eventId, SanctionNoticeRequested e) {
        Directory.Member member = known(e.userId())
                .orElseThrow(() -> new IllegalStateException("no address known for user " + e.userId()));
        deliveries.queue(
                eventId,
                MailKind.SANCTION_NOTICE,
                e.userId(),
                member.email(),
                new SanctionNotice(
                        member.username(), e.action(), e.reason(), e.until(), e.appealLink(), e.appealDeadline()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appealDecided(String eventId, AppealDecided e) {
        known(e.userId())
                .ifPresent(member -> deliveries.queue(
                        eventId,
                        MailKind.APPEAL_DECISION,
                        e.userId(),
                        member.email(),
                        new AppealDecision(member.username(), e.decision(), e.decidedAt())));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void newDeviceLogin(String eventId, NewDeviceLogin e) {
        known(e.userId())
                .ifPresent(member -> deliveries.queue(
                        eventId,
                        MailKind.NEW_DEVICE_LOGIN,
                        e.userId(),
                        member.email(),
                        new NewDevice(member.username(), e.userAgent(), e.ipAddress(), e.loggedInAt())));
    }

    private Optional<Directory.Member> known(UUID userId) {
        return directory.member(userId).filter(m -> m.email() != null);
    }
}
