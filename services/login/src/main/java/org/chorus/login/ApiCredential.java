package org.chorus.login;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A key pair a bot exchanges for access tokens of its owner. The secret itself is never stored. */
@Entity
@Table(name = "api_credential")
public class ApiCredential extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    /** The session whose sid the exchanged tokens carry. */
    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "public_key", nullable = false)
    public String publicKey;

    /** {@code sha256$<salt>$<hash>}, Base64 without padding. */
    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
