package org.chorus.login.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.chorus.events.login.TwoFactorChanged;
import org.chorus.login.Account;
import org.chorus.login.TotpFactor;
import org.chorus.login.config.MfaConfig;
import org.chorus.web.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turning the TOTP second factor on and off, always for the caller's own account. Enrolling,
 * disabling and new recovery codes need the password again (a stolen access token alone must
 * neither lock the owner out with an attacker's authenticator nor switch 2FA off); disabling and
 * new recovery codes need a current code too, and a wrong one counts as a failed login.
 */
@ApplicationScoped
public class TwoFactorService {

    private final LoginService logins;
    private final TotpFactors totp;
    private final RecoveryCodes recoveryCodes;
    private final MfaChallenges challenges;
    private final LoginThrottle throttle;
    private final MfaConfig config;
    private final TwoFactorEvents events;

    TwoFactorService(
            LoginService logins,
            TotpFactors totp,
            RecoveryCodes recoveryCodes,
            MfaChallenges challenges,
            LoginThrottle throttle,
            MfaConfig config,
            TwoFactorEvents events) {
        this.logins = logins;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.challenges = challenges;
        this.throttle = throttle;
        this.config = config;
        this.events = events;
    }

    /** Starts (or restarts) enrolment: a new secret, not active until a code confirms it. */
    public Enrolment enrol(UUID accountId, String password, ClientInfo client) {
        Account account = reauthenticate(accountId, password, client);
        byte[] secret = QuarkusTransaction.requiringNew().call(() -> {
            TotpFactor existing = TotpFactor.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
            if (existing != null && existing.confirmed()) {
                throw ProblemException.conflict(
                        "totp-already-enabled",
                        "Two-factor authentication is already on; disable it first to enrol a new authenticator");
            }
            return totp.enrol(accountId, existing);
        });
        String base32 = Base32.encode(secret);
        return new Enrolment(base32, uri(account.username, base32));
    }

    /** Confirms a pending enrolment with a code of the new secret; 2FA is on and ten recovery codes are made. */
    public List<String> confirm(UUID accountId, String code) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TotpFactor factor = TotpFactor.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
            if (factor == null) {
                throw ProblemException.conflict("no-totp-enrolment", "Enrol first (POST /api/auth/2fa/totp)");
            }
            if (factor.confirmed()) {
                throw ProblemException.conflict("totp-already-enabled", "Two-factor authentication is already on");
            }
            if (!totp.accept(factor, code)) {
                throw new InvalidFieldException("code", "is not a current code of the enrolled secret");
            }
            factor.confirmedAt = Instant.now();
            List<String> codes = recoveryCodes.replace(accountId);
            events.changed(accountId, TwoFactorChanged.ENABLED);
            return codes;
        });
    }

    /** Turns 2FA off: the password and a current code (or a recovery code). */
    public void disable(UUID accountId, String password, String code, String recoveryCode, ClientInfo client) {
        reauthenticate(accountId, password, client);
        secondFactor(accountId, code, recoveryCode, client, () -> {
            TotpFactor.deleteById(accountId);
            recoveryCodes.deleteAll(accountId);
            challenges.deleteAll(accountId);
            events.changed(accountId, TwoFactorChanged.DISABLED);
            return null;
        });
    }

    /** Ten new recovery codes, the old ones void: the password and a current code (or a recovery code). */
    public List<String> regenerateRecoveryCodes(
            UUID accountId, String password, String code, String recoveryCode, ClientInfo client) {
        reauthenticate(accountId, password, client);
        return secondFactor(accountId, code, recoveryCode, client, () -> {
            List<String> codes = recoveryCodes.replace(accountId);
            events.changed(accountId, TwoFactorChanged.RECOVERY_CODES_REPLACED);
            return codes;
        });
    }

    /**
     * Asks again who is there before an account-wide change (password, e-mail address, deletion): the
     * password, and with 2FA on a current code or a recovery code as well, so that a session left open
     * somewhere plus a phished password is not enough to take the account over or erase it. A wrong
     * password or code counts as a failed login. The account, when both are right.
     */
    public Account confirmIdentity(UUID accountId, IdentityProof proof, ClientInfo client) {
        Account account = reauthenticate(accountId, proof.password(), proof.passwordField(), client);
        boolean on = QuarkusTransaction.requiringNew().call(() -> {
            TotpFactor factor = TotpFactor.findById(accountId);
            return factor != null && factor.confirmed();
        });
        if (on) {
            if ((proof.code() == null) == (proof.recoveryCode() == null)) {
                throw new InvalidFieldException(
                        "code",
                        "two-factor authentication is on: give a current code or a recovery code (exactly one)");
            }
            secondFactor(accountId, proof.code(), proof.recoveryCode(), client, () -> null);
        }
        return account;
    }

    public Status status(UUID accountId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TotpFactor factor = TotpFactor.findById(accountId);
            boolean on = factor != null && factor.confirmed();
            return new Status(on, factor != null && !on, on ? recoveryCodes.remaining(accountId) : 0);
        });
    }

    /** Runs {@code then} in the transaction that accepted the code; a wrong code is counted and refused. */
    private <T> T secondFactor(
            UUID accountId, String code, String recoveryCode, ClientInfo client, java.util.function.Supplier<T> then) {
        if (throttle.isLocked(accountId)) {
            throttle.lockedAccountTried(accountId, client);
            throw wrongCode(code);
        }
        Checked<T> checked = QuarkusTransaction.requiringNew().call(() -> {
            TotpFactor factor = TotpFactor.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
            if (factor == null || !factor.confirmed()) {
                throw ProblemException.conflict("totp-not-enabled", "Two-factor authentication is not on");
            }
            boolean right = code != null ? totp.accept(factor, code) : recoveryCodes.consume(accountId, recoveryCode);
            return right ? new Checked<>(true, then.get()) : new Checked<T>(false, null);
        });
        if (!checked.right()) {
            throttle.wrongSecondFactor(accountId, client);
            throw wrongCode(code);
        }
        throttle.succeeded(accountId);
        return checked.value();
    }

    private static InvalidFieldException wrongCode(String code) {
        return new InvalidFieldException(code != null ? "code" : "recoveryCode", "is wrong or was already used");
    }

    private Account reauthenticate(UUID accountId, String password, ClientInfo client) {
        return reauthenticate(accountId, password, "password", client);
    }

    private Account reauthenticate(UUID accountId, String password, String passwordField, ClientInfo client) {
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(accountId));
        if (account == null) {
            throw ProblemException.notFound("Account");
        }
        try {
            return logins.authenticate(account.username, password, client);
        } catch (ProblemException e) {
            if (e.status() == 401) {
                throw new InvalidFieldException(passwordField, "is not the current password");
            }
            throw e;
        }
    }

    /** Key URI Format of Google Authenticator, understood by every authenticator app. */
    private String uri(String username, String base32Secret) {
        String issuer = encode(config.issuer());
        return "otpauth://totp/" + issuer + ":" + encode(username) + "?secret=" + base32Secret + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** @param secret Base32, shown at enrolment only */
    public record Enrolment(String secret, String otpauthUri) {
        @Override
        public String toString() {
            return "Enrolment[]";
        }
    }

    public record Status(boolean totpEnabled, boolean enrolmentPending, long recoveryCodesLeft) {}

    private record Checked<T>(boolean right, T value) {}
}
