package org.chorus.login.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.login.TotpFactor;
import org.chorus.login.config.MfaConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The stored TOTP factors: whether one is on, a new secret, and checking a code exactly once. */
@ApplicationScoped
public class TotpFactors {

    private final MfaConfig config;
    private final TotpSecrets secrets;
    private final SecureRandom random = new SecureRandom();

    TotpFactors(MfaConfig config, TotpSecrets secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    /** Whether login must ask this account for a second factor. */
    public boolean isEnabled(UUID accountId) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> TotpFactor.count("accountId = ?1 and confirmedAt is not null", accountId) > 0);
    }

    /** A new pending factor, or a pending one given a new secret; the secret, to hand out once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] enrol(UUID accountId, TotpFactor pending) {
        TotpFactor factor = pending != null ? pending : new TotpFactor();
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        factor.accountId = accountId;
        factor.secret = secrets.seal(accountId, secret);
        factor.createdAt = Instant.now();
        factor.confirmedAt = null;
        factor.lastUsedStep = null;
        if (pending == null) {
            factor.persist();
        }
        return secret;
    }

    /**
     * Accepts a code of the factor once: it must match a step within the window, later than the
     * last step accepted. The conditional update makes two concurrent uses of one code accept it
     * once only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean accept(TotpFactor factor, String code) {
        byte[] secret = secrets.open(factor.accountId, factor.secret);
        OptionalLong step =
                Totp.matchingStep(secret, code, Totp.step(Instant.now().getEpochSecond()), config.totpWindow());
        if (step.isEmpty()) {
            return false;
        }
        int updated = TotpFactor.update(
                "lastUsedStep = ?1 where accountId = ?2 " + "and (lastUsedStep is null or lastUsedStep < ?1)",
                step.getAsLong(),
                factor.accountId);
        if (updated == 1) {
            factor.lastUsedStep = step.getAsLong();
        }
        return updated == 1;
    }

    /** Accepts a code of the account's confirmed factor once; false when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean acceptConfirmed(UUID accountId, String code) {
        TotpFactor factor = TotpFactor.findById(accountId);
        return factor != null && factor.confirmed() && accept(factor, code);
    }
}
