package org.chorus.login;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A single-use secret sent by e-mail, known only by its SHA-256. */
@Entity
@Table(name = "one_time_token")
public class OneTimeToken extends PanacheEntityBase {

    public enum Purpose {
        EMAIL_VERIFICATION,
        PASSWORD_RESET,
        LOGIN_LINK,
        EMAIL_CHANGE
    }

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    /** For an e-mail change: the address being confirmed. */
    @Column(name = "new_email")
    public String newEmail;

    /** For an e-mail change: the session that asked, kept when the others end. */
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
