package org.chorus.login.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.chorus.login.OneTimeToken;
import org.chorus.web.ProblemException;

/**
 * Issues and redeems single-use links: 256 random bits in the link, SHA-256 in the table, an
 * expiry, and a used mark so the second click does nothing.
 */
@ApplicationScoped
public class OneTimeLinks {

    /** A new token for the account; earlier unused ones of the same purpose stop working. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issued issue(UUID accountId, OneTimeToken.Purpose purpose, Duration lifetime, String newEmail) {
        Instant now = Instant.now();
        OneTimeToken.update(
                "usedAt = ?1 where accountId = ?2 and purpose = ?3 and usedAt is null", now, accountId, purpose);
        String value = OpaqueTokens.newValue();
        OneTimeToken token = new OneTimeToken();
        token.tokenHash = OpaqueTokens.hash(value);
        token.purpose = purpose;
        token.accountId = accountId;
        token.newEmail = newEmail;
        token.createdAt = now;
        token.expiresAt = now.plus(lifetime);
        token.persist();
        return new Issued(value, token.expiresAt);
    }

    /** Marks the token used and returns it; 400 {@code invalid-token} if unknown, used, expired or for another purpose. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OneTimeToken redeem(String value, OneTimeToken.Purpose purpose) {
        OneTimeToken token =
                value == null ? null : OneTimeToken.findById(OpaqueTokens.hash(value), LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (token == null || token.purpose != purpose || token.usedAt != null || !now.isBefore(token.expiresAt)) {
            throw invalid();
        }
        token.usedAt = now;
        return token;
    }

    /** Every link of the account for that purpose stops working. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeAll(UUID accountId, OneTimeToken.Purpose purpose) {
        OneTimeToken.update(
                "usedAt = ?1 where accountId = ?2 and purpose = ?3 and usedAt is null",
                Instant.now(),
                accountId,
                purpose);
    }

    public static String link(String template, String token) {
        return template.replace("{token}", token);
    }

    static ProblemException invalid() {
        return ProblemException.badRequest("invalid-token", "The link is invalid, expired or already used");
    }

    /** The value to put in the link (never stored) and when it expires. */
    public record Issued(String value, Instant expiresAt) {}
}
