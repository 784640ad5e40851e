package org.chorus.login.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.chorus.login.Account;
import org.chorus.login.MfaChallenge;
import org.chorus.login.config.MfaConfig;
import org.chorus.web.ProblemException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The two-step login with 2FA on: after the first factor, a short-lived single-use challenge;
 * the challenge and a TOTP code (or a recovery code) open the session. A wrong code counts as a
 * failed login of the account (lockout, per-address throttling, {@code login-failed}
 * bad-second-factor) and the challenge dies after a few of them.
 */
@ApplicationScoped
public class MfaChallenges {

    /** At most this long, whatever the configuration: a challenge is a half-open door. */
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    private final MfaConfig config;
    private final TotpFactors totp;
    private final RecoveryCodes recoveryCodes;
    private final SessionService sessions;
    private final LoginThrottle throttle;

    MfaChallenges(MfaConfig config, TotpFactors totp, RecoveryCodes recoveryCodes, SessionService sessions,
                  LoginThrottle throttle) {
        this.config = config;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** After a successful first factor: a session, or a challenge when the account has 2FA on. */
    @Transactional
    public LoginResult sessionOrChallenge(Account account, ClientInfo client, String origin) {
        if (!totp.isEnabled(account.id)) {
            return LoginResult.of(sessions.open(account, client));
        }
        Instant now = Instant.now();
        Duration lifetime = config.challengeLifetime().compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME
                : config.challengeLifetime();
        String value = OpaqueTokens.newValue();
        MfaChallenge challenge = new MfaChallenge();
        challenge.id = UUID.randomUUID();
        challenge.tokenHash = OpaqueTokens.hash(value);
        challenge.accountId = account.id;
        challenge.origin = origin;
        challenge.createdAt = now;
        challenge.expiresAt = now.plus(lifetime);
        challenge.persist();
        return LoginResult.of(new LoginResult.Challenge(value, challenge.expiresAt));
    }

    /**
     * Redeems a challenge with a TOTP code or a recovery code (exactly one of them). Unknown,
     * used, expired and dead challenges are one 401; a wrong code is another 401, counted.
     */
    public TokenPair complete(String challengeValue, String code, String recoveryCode, ClientInfo client) {
        throttle.checkAddress(client.ip());
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> attempt(challengeValue, code, recoveryCode,
                client));
        if (attempt.tokens() != null) {
            throttle.succeeded(attempt.accountId());
            return attempt.tokens();
        }
        if (attempt.accountId() == null) {
            throttle.unknownAccountFailed(client.ip());
            throw new ProblemException(401, "invalid-challenge", "Invalid challenge",
                    "The challenge is unknown, used, expired or has seen too many wrong codes; log in again");
        }
        if (attempt.locked()) {
            throttle.lockedAccountTried(attempt.accountId(), client);
        } else {
            throttle.wrongSecondFactor(attempt.accountId(), client);
        }
        throw invalidCode();
    }

    private Attempt attempt(String challengeValue, String code, String recoveryCode, ClientInfo client) {
        MfaChallenge challenge = MfaChallenge.<MfaChallenge>find("tokenHash", OpaqueTokens.hash(challengeValue))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        Instant now = Instant.now();
        if (challenge == null || challenge.usedAt != null || !challenge.expiresAt.isAfter(now)
                || challenge.failures >= config.challengeMaxFailures()) {
            return new Attempt(null, null, false);
        }
        // a locked account refuses even the right code, and says so no differently than a wrong one
        boolean locked = throttle.isLocked(challenge.accountId);
        boolean right = !locked && (code != null
                ? totp.acceptConfirmed(challenge.accountId, code)
                : recoveryCodes.consume(challenge.accountId, recoveryCode));
        if (!right) {
            challenge.failures++;
            return new Attempt(challenge.accountId, null, locked);
        }
        challenge.usedAt = now;
        Account account = Account.findById(challenge.accountId);
        if (!account.active()) {
            throw AccountSuspendedException.of(account);
        }
        if (code == null) {
            Log.infof("Recovery code used by %s; %d left", account.id, recoveryCodes.remaining(account.id));
        }
        return new Attempt(account.id, sessions.open(account, client), false);
    }

    /** Forgets challenges a day after they expired (they are refused from their expiry on anyway). */
    @Scheduled(every = "1h", delayed = "5m")
    @Transactional
    void purgeExpired() {
        MfaChallenge.delete("expiresAt < ?1", Instant.now().minus(Duration.ofDays(1)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAll(UUID accountId) {
        MfaChallenge.delete("accountId", accountId);
    }

    public static ProblemException invalidCode() {
        return new ProblemException(401, "invalid-code", "Invalid code", "The code is wrong or was already used");
    }

    private record Attempt(UUID accountId, TokenPair tokens, boolean locked) {
    }
}
