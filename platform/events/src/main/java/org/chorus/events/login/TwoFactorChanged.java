package org.chorus.events.login;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code two-factor-changed}: the second factor of an account changed — so that its owner is
 * told (someone with the password and a live session could otherwise switch it off unnoticed) and the
 * audit log has it. Key: userId.
 * @param email where to tell the owner
 * @param change enabled, disabled, recovery-codes-replaced or recovery-code-used
 * @param recoveryCodesLeft unused recovery codes after the change (0 once disabled)
 */
public record TwoFactorChanged(
        UUID userId, String email, String username, String change, int recoveryCodesLeft, Instant changedAt) {

    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";
    public static final String RECOVERY_CODES_REPLACED = "recovery-codes-replaced";
    public static final String RECOVERY_CODE_USED = "recovery-code-used";
}
