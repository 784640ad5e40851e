package org.chorus.login;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The second step of a login with 2FA on: handed out after the first factor (password or e-mail
 * link) succeeded, redeemed once with a code. Kept only as the SHA-256 of its value.
 */
@Entity
@Table(name = "mfa_challenge")
public class MfaChallenge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    /** What the first factor was: password or login-link. */
    @Column(nullable = false)
    public String origin;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** Wrong codes given for this challenge; at the configured maximum it is dead. */
    @Column(nullable = false)
    public int failures;

    @Column(name = "used_at")
    public Instant usedAt;
}
