package org.chorus.admin.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.chorus.admin.AuditEntry;
import org.chorus.admin.AuditKind;
import org.chorus.events.login.AccountLocked;
import org.chorus.events.login.LoginFailed;
import org.chorus.events.login.PasswordChanged;
import org.chorus.events.login.SessionCompromised;
import org.chorus.events.login.TwoFactorChanged;

/**
 * Turns login's security events into audit entries: checks the fields an entry cannot do without
 * (an event that lacks one is thrown back, and so dead-lettered) and writes the summary. details
 * lists each kept field by name, so a field a later version of an event adds (a link, a token) never
 * reaches the log unnoticed.
 */
final class SecurityEvents {

    /** reason and change name a case ("bad-password"); anything else is not shown in a summary */
    private static final Pattern WORD = Pattern.compile("[a-z0-9-]{1,50}");

    private static final int MAX_USER_AGENT = 512;
    private static final int MAX_IP = 100;

    private SecurityEvents() {}

    static AuditEntry loginFailed(UUID eventId, LoginFailed e) {
        String reason = word(required(e.reason(), "reason"), "reason");
        String summary = switch (reason) {
            case "bad-password" -> "Failed login: wrong password";
            case "bad-second-factor" -> "Failed login: wrong second-factor code";
            case "locked" -> "Failed login: the account is locked";
            default -> "Failed login (" + reason + ")";
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        if (e.userAgent() != null) {
            details.put("userAgent", cut(e.userAgent(), MAX_USER_AGENT));
        }
        return new AuditEntry(
                eventId,
                required(e.failedAt(), "failedAt"),
                required(e.userId(), "userId"),
                AuditKind.LOGIN_FAILED,
                ip(e.ip()),
                summary,
                details);
    }

    static AuditEntry accountLocked(UUID eventId, AccountLocked e) {
        Instant until = required(e.lockedUntil(), "lockedUntil");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("failures", e.failures());
        details.put("lockedUntil", until.toString());
        return new AuditEntry(
                eventId,
                required(e.lockedAt(), "lockedAt"),
                required(e.userId(), "userId"),
                AuditKind.ACCOUNT_LOCKED,
                null,
                "Account locked after " + e.failures() + " failed logins, until " + until,
                details);
    }

    static AuditEntry sessionCompromised(UUID eventId, SessionCompromised e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sessionId", required(e.sessionId(), "sessionId").toString());
        return new AuditEntry(
                eventId,
                required(e.detectedAt(), "detectedAt"),
                required(e.userId(), "userId"),
                AuditKind.SESSION_COMPROMISED,
                ip(e.ip()),
                "A refresh token was used again after its rotation; the session was revoked",
                details);
    }

    static AuditEntry twoFactorChanged(UUID eventId, TwoFactorChanged e) {
        String change = word(required(e.change(), "change"), "change");
        String summary = switch (change) {
            case TwoFactorChanged.ENABLED -> "Two-factor authentication turned on";
            case TwoFactorChanged.DISABLED -> "Two-factor authentication turned off";
            case TwoFactorChanged.RECOVERY_CODES_REPLACED ->
                "New recovery codes generated (" + e.recoveryCodesLeft() + " left)";
            case TwoFactorChanged.RECOVERY_CODE_USED -> "A recovery code was used (" + e.recoveryCodesLeft() + " left)";
            default -> "Two-factor authentication changed (" + change + ")";
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("change", change);
        details.put("recoveryCodesLeft", e.recoveryCodesLeft());
        putPerson(details, e.username(), e.email());
        return new AuditEntry(
                eventId,
                required(e.changedAt(), "changedAt"),
                required(e.userId(), "userId"),
                AuditKind.TWO_FACTOR_CHANGED,
                null,
                summary,
                details);
    }

    static AuditEntry passwordChanged(UUID eventId, PasswordChanged e) {
        Map<String, Object> details = new LinkedHashMap<>();
        putPerson(details, e.username(), e.email());
        return new AuditEntry(
                eventId,
                required(e.changedAt(), "changedAt"),
                required(e.userId(), "userId"),
                AuditKind.PASSWORD_CHANGED,
                null,
                "Password changed or reset; the other sessions were revoked",
                details);
    }

    /** Who the account belonged to at the time: personal data, so in details (erased with the user) and never in the summary. */
    private static void putPerson(Map<String, Object> details, String username, String email) {
        if (username != null) {
            details.put("username", username);
        }
        if (email != null) {
            details.put("email", email);
        }
    }

    /** An event without a field its entry needs can never be recorded: fail so it is dead-lettered. */
    static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException("event lacks " + field);
        }
        return value;
    }

    private static String word(String value, String field) {
        if (!WORD.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " is not a lower-case word");
        }
        return value;
    }

    private static String ip(String ip) {
        return ip == null || ip.isBlank() ? null : cut(ip, MAX_IP);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
