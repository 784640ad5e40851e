package org.chorus.login.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.events.login.TwoFactorChanged;
import org.chorus.login.RecoveryCode;

/**
 * Ten single-use recovery codes per account with 2FA: 80 random bits each, written
 * {@code xxxx-xxxx-xxxx-xxxx} (Base32, lower case), shown once and kept only as their SHA-256 —
 * with 80 bits, nobody finds a code from its hash, so a slow hash is not needed.
 */
@ApplicationScoped
public class RecoveryCodes {

    public static final int COUNT = 10;

    private final SecureRandom random = new SecureRandom();
    private final TwoFactorEvents events;

    RecoveryCodes(TwoFactorEvents events) {
        this.events = events;
    }

    /** Replaces every code of the account by ten new ones; the plain codes, to be shown once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> replace(UUID accountId) {
        RecoveryCode.delete("accountId", accountId);
        Instant now = Instant.now();
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            byte[] bits = new byte[10];
            random.nextBytes(bits);
            String plain = Base32.encode(bits).toLowerCase(Locale.ROOT);
            RecoveryCode code = new RecoveryCode();
            code.id = UUID.randomUUID();
            code.accountId = accountId;
            code.codeHash = OpaqueTokens.hash(plain);
            code.createdAt = now;
            code.persist();
            codes.add(String.join(
                    "-",
                    plain.substring(0, 4),
                    plain.substring(4, 8),
                    plain.substring(8, 12),
                    plain.substring(12, 16)));
        }
        return codes;
    }

    /** Uses up a code of the account (and tells its owner); false when it is not one of its unused codes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean consume(UUID accountId, String presented) {
        String normalised = normalise(presented);
        if (normalised.length() != 16) {
            return false;
        }
        boolean used = RecoveryCode.update(
                        "usedAt = ?1 where accountId = ?2 and codeHash = ?3 and usedAt is null",
                        Instant.now(),
                        accountId,
                        OpaqueTokens.hash(normalised))
                == 1;
        if (used) {
            events.changed(accountId, TwoFactorChanged.RECOVERY_CODE_USED);
        }
        return used;
    }

    public long remaining(UUID accountId) {
        return RecoveryCode.count("accountId = ?1 and usedAt is null", accountId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAll(UUID accountId) {
        RecoveryCode.delete("accountId", accountId);
    }

    /** People copy codes with or without the dashes, in any case, with stray spaces. */
    static String normalise(String presented) {
        return presented == null ? "" : presented.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
