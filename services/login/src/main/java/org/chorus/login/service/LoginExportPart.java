package org.chorus.login.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.privacy.DataExportChunks;
import org.chorus.events.privacy.DataExportPart;
import org.chorus.events.privacy.DataExportRequested;
import org.chorus.login.Account;
import org.chorus.login.ApiCredential;
import org.chorus.login.Session;
import org.chorus.login.TotpFactor;
import org.chorus.outbox.Outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * login's part of a data export (data-export-requested → data-export-part, through the outbox in the inbox's
 * transaction): the account, its sessions, API credentials and second factor. Secrets stay out — no password hash,
 * no refresh-token or credential-secret hashes, no TOTP secret: they are not data about the user but keys to the
 * account. A deleted account answers with an empty part, so the export still completes.
 */
@ApplicationScoped
public class LoginExportPart {

    static final String SERVICE = "login";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Outbox outbox;

    LoginExportPart(EntityManager entityManager, ObjectMapper json, Outbox outbox) {
        this.entityManager = entityManager;
        this.json = json;
        this.outbox = outbox;
    }

    record AccountData(
            UUID id,
            String email,
            String username,
            String status,
            List<String> roles,
            boolean emailVerified,
            Instant suspendedUntil,
            Instant createdAt,
            Instant updatedAt) {}

    record SessionData(
            UUID id,
            String userAgent,
            String ip,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt,
            Instant revokedAt,
            String revokedReason) {}

    record CredentialData(UUID id, String name, String publicKey, Instant createdAt, Instant lastUsedAt) {}

    record TwoFactorData(boolean enabled, Instant confirmedAt) {}

    record Part(
            String service,
            UUID userId,
            AccountData account,
            List<SessionData> sessions,
            List<CredentialData> apiCredentials,
            TwoFactorData twoFactor,
            long knownDevices) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(DataExportRequested request) {
        if (request.exportId() == null || request.userId() == null) {
            throw new IllegalArgumentException("data-export-requested lacks exportId or userId");
        }
        UUID userId = request.userId();
        byte[] document = write(of(userId));
        for (DataExportPart part :
                DataExportChunks.split(request.exportId(), userId, SERVICE, document, Instant.now())) {
            outbox.publish(Events.DATA_EXPORT_PART, userId, part);
        }
    }

    private Part of(UUID userId) {
        Account account = Account.findById(userId);
        if (account == null) {
            return new Part(SERVICE, userId, null, List.of(), List.of(), null, 0);
        }
        List<SessionData> sessions = Session.<Session>list("accountId = ?1 order by createdAt", userId).stream()
                .map(s -> new SessionData(
                        s.id, s.userAgent, s.ip, s.createdAt, s.lastUsedAt, s.expiresAt, s.revokedAt, s.revokedReason))
                .toList();
        List<CredentialData> credentials =
                ApiCredential.<ApiCredential>list("accountId = ?1 order by createdAt", userId).stream()
                        .map(c -> new CredentialData(c.id, c.name, c.publicKey, c.createdAt, c.lastUsedAt))
                        .toList();
        TotpFactor factor = TotpFactor.findById(userId);
        long devices = ((Number) entityManager
                        .createNativeQuery("select count(*) from {h-schema}known_device where account_id = :id")
                        .setParameter("id", userId)
                        .getSingleResult())
                .longValue();
        return new Part(
                SERVICE,
                userId,
                new AccountData(
                        account.id,
                        account.email,
                        account.username,
                        account.status.name().toLowerCase(),
                        Arrays.asList(account.roles),
                        account.emailVerified,
                        account.suspendedUntil,
                        account.createdAt,
                        account.updatedAt),
                sessions,
                credentials,
                factor == null
                        ? new TwoFactorData(false, null)
                        : new TwoFactorData(factor.confirmedAt != null, factor.confirmedAt),
                devices);
    }

    private byte[] write(Part part) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write login's export part", e);
        }
    }
}
