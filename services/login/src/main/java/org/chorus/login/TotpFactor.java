package org.chorus.login;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An account's TOTP second factor: enrolled (secret handed out) and, once a code proved the app
 * has it, confirmed — only then does login ask for it. The secret never leaves the service again
 * after enrolment and is never logged (no toString shows it).
 */
@Entity
@Table(name = "totp_factor")
public class TotpFactor extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    /** The 160-bit HMAC-SHA1 key as {@code TotpSecrets} sealed it (AES-GCM when a key is configured). */
    @Column(nullable = false)
    public byte[] secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Null while enrolment is pending: 2FA is not on yet. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    /** The latest step whose code was accepted: codes of that step or earlier are refused (no replay). */
    @Column(name = "last_used_step")
    public Long lastUsedStep;

    public boolean confirmed() {
        return confirmedAt != null;
    }

    @Override
    public String toString() {
        return "TotpFactor[account=" + accountId + ", confirmed=" + confirmed() + "]";
    }
}
