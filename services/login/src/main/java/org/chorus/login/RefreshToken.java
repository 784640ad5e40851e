package org.chorus.login;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A refresh token of a session, known only by its SHA-256 hash. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    /** Hex SHA-256 of the opaque token value. */
    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** When it was exchanged for a successor; null while it is the family's live token. */
    @Column(name = "rotated_at")
    public Instant rotatedAt;
}
