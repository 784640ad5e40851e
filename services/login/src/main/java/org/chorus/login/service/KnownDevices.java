package org.chorus.login.service;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.login.NewDeviceLogin;
import org.chorus.outbox.Outbox;

/**
 * The devices each account logs in from, to tell the owner about a login from a new one
 * ({@code new-device-login}, which notifications mails). A device is the fingerprint of its
 * normalised User-Agent: lower-case, whitespace collapsed, version numbers dropped — so a browser
 * updating itself is the same device, another browser or another system is a new one. The first
 * login of an account makes its device known without an event: it is the device the account was
 * just made on, and a warning on everyone's first login would teach people to ignore the warning.
 */
@ApplicationScoped
public class KnownDevices {

    private static final Pattern VERSION = Pattern.compile("\\d+([._]\\d+)*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final EntityManager entityManager;
    private final Outbox outbox;

    KnownDevices(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    /**
     * Records the device of a login that opened {@code sessionId}, in the login's transaction, and
     * announces it if the account had other devices but not this one. Two logins from one new device
     * at once announce it once (the insert of one of them wins; the other only updates).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void loggedIn(UUID accountId, UUID sessionId, ClientInfo client, Instant now) {
        boolean firstDevice = ((Number) entityManager.createNativeQuery(
                        "select count(*) from {h-schema}known_device where account_id = :account")
                .setParameter("account", accountId)
                .getSingleResult()).longValue() == 0;
        boolean inserted = (Boolean) entityManager.createNativeQuery("""
                        insert into {h-schema}known_device (account_id, fingerprint, first_seen_at, last_seen_at)
                        values (:account, :fingerprint, :now, :now)
                        on conflict (account_id, fingerprint) do update set last_seen_at = excluded.last_seen_at
                        returning (xmax = 0)""")
                .setParameter("account", accountId)
                .setParameter("fingerprint", fingerprint(client.userAgent()))
                .setParameter("now", now)
                .getSingleResult();
        if (inserted && !firstDevice) {
            outbox.publish(Events.NEW_DEVICE_LOGIN, accountId,
                    new NewDeviceLogin(accountId, sessionId, client.userAgent(), client.ip(), now));
        }
    }

    /** The hex SHA-256 of the normalised User-Agent; no User-Agent is a device of its own. */
    static String fingerprint(String userAgent) {
        String normalised = userAgent == null ? ""
                : SPACES.matcher(VERSION.matcher(userAgent.toLowerCase(Locale.ROOT)).replaceAll("#"))
                        .replaceAll(" ").trim();
        return OpaqueTokens.hash(normalised);
    }
}
