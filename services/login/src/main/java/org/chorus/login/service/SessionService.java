package org.chorus.login.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.chorus.login.Account;
import org.chorus.login.AccountStatus;
import org.chorus.login.Session;
import org.chorus.login.config.SessionConfig;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;

/**
 * Sessions: one per login on a device, each a refresh-token family (see {@link RefreshService}).
 * Revoking one puts its sid on the deny-list once the revocation has committed.
 */
@ApplicationScoped
public class SessionService {

    private final SessionConfig config;
    private final TokenPairs pairs;
    private final DenyList denyList;
    private final EntityManager entityManager;
    private final KnownDevices devices;

    SessionService(
            SessionConfig config,
            TokenPairs pairs,
            DenyList denyList,
            EntityManager entityManager,
            KnownDevices devices) {
        this.config = config;
        this.pairs = pairs;
        this.denyList = denyList;
        this.entityManager = entityManager;
        this.devices = devices;
    }

    /**
     * Opens a new session for an authenticated account — every login that succeeds (password, link,
     * second factor) ends here, so this is where its device is recorded, and a new one announced.
     */
    @Transactional
    public TokenPair open(Account account, ClientInfo client) {
        Instant now = Instant.now();
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.accountId = account.id;
        session.userAgent = client.userAgent();
        session.ip = client.ip();
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now.plus(config.absoluteLifetime());
        session.persist();
        devices.loggedIn(account.id, session.id, client, now);
        return pairs.issue(account, session, now);
    }

    /** Ends a session (logout, revocation); its access tokens go on the deny-list. */
    @Transactional
    public boolean revoke(UUID sessionId, String reason) {
        Session session = Session.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || session.revoked()) {
            return false;
        }
        revoke(session, reason, Instant.now());
        return true;
    }

    /**
     * Logout: ends the caller's own session. A token exchanged for an API credential cannot end
     * its credential's session this way — that would leave a listed credential whose tokens are
     * all refused; the credential is deleted instead.
     */
    @Transactional
    public void logout(UUID sessionId) {
        Session session = Session.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || session.revoked()) {
            return;
        }
        if (!Session.DEVICE.equals(session.kind)) {
            throw ProblemException.conflict(
                    "credential-session",
                    "This token belongs to an API credential; delete the credential to end its tokens");
        }
        revoke(session, "logout", Instant.now());
    }

    /**
     * The session of an API credential: no refresh tokens, no idle end; it lives until the
     * credential is deleted (its sid is what deletion puts on the deny-list).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Session openForCredential(UUID accountId, String name) {
        Instant now = Instant.now();
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.accountId = accountId;
        session.kind = Session.API;
        session.userAgent = "api-credential" + (name == null ? "" : ": " + name);
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now.plus(Duration.ofDays(365L * 100));
        session.persist();
        return session;
    }

    /** The user's live device sessions, newest first, one page at a time. */
    public Slice<Session> listLive(UUID userId, KeysetCursor after, int limit) {
        String query = "accountId = :user and kind = 'DEVICE' and revokedAt is null and expiresAt > :now"
                + (after == null ? "" : " and (createdAt < :at or (createdAt = :at and id < :id))")
                + " order by createdAt desc, id desc";
        Parameters parameters = Parameters.with("user", userId).and("now", Instant.now());
        if (after != null) {
            parameters = parameters.and("at", after.at()).and("id", after.id());
        }
        List<Session> rows = Session.find(query, parameters).page(0, limit + 1).list();
        return Slice.of(rows, limit, last -> new KeysetCursor(last.createdAt, last.id));
    }

    /** Revokes one of the user's own sessions; false when the user has no such live session. */
    @Transactional
    public boolean revokeOwn(UUID userId, UUID sessionId, String reason) {
        Session session = Session.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        // an API credential's session ends with the credential (DELETE /api/auth/credentials/{id})
        if (session == null
                || !session.accountId.equals(userId)
                || session.revoked()
                || !Session.DEVICE.equals(session.kind)) {
            return false;
        }
        revoke(session, reason, Instant.now());
        return true;
    }

    /** Revokes every live session of the user except {@code keep} (may be null: all of them). */
    @Transactional
    public int revokeAllOf(UUID userId, UUID keep, String reason) {
        Instant now = Instant.now();
        int revoked = 0;
        for (Session session : Session.activeOf(userId)) {
            if (!session.id.equals(keep)) {
                revoke(session, reason, now);
                revoked++;
            }
        }
        return revoked;
    }

    /**
     * Whether a presented access token still stands: its session is not revoked nor past its
     * absolute end and belongs to the token's subject, whose account is active and has not voided
     * the tokens issued up to some instant (suspension, loss of a role).
     */
    public boolean isLive(UUID sessionId, UUID userId, Instant issuedAt) {
        Instant now = Instant.now();
        return QuarkusTransaction.joiningExisting()
                .call(() -> entityManager
                                .createQuery("""
                        select count(s) from Session s, Account a
                        where s.id = :sid and a.id = s.accountId and a.id = :userId
                          and s.revokedAt is null and s.expiresAt > :now
                          and (a.status = :active or a.suspendedUntil <= :now)
                          and (a.tokensInvalidBefore is null or a.tokensInvalidBefore < :issuedAt)""", Long.class)
                                .setParameter("sid", sessionId)
                                .setParameter("userId", userId)
                                .setParameter("now", now)
                                .setParameter("active", AccountStatus.ACTIVE)
                                .setParameter("issuedAt", issuedAt)
                                .getSingleResult()
                        > 0);
    }

    void revoke(Session session, String reason, Instant now) {
        session.revokedAt = now;
        session.revokedReason = reason;
        denyList.denySessionAfterCommit(session.id, now);
    }
}
