package org.chorus.login;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One refresh-token family: one device's login. Its id is the {@code sid} claim of its access tokens. */
@Entity
@Table(name = "login_session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "user_agent")
    public String userAgent;

    /** The client address last seen for this session. */
    public String ip;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    public Instant lastUsedAt;

    /** Absolute end of the session, whatever its use. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_reason")
    public String revokedReason;

    /** DEVICE: a login with refresh tokens; API: the session of an API credential. */
    @Column(nullable = false)
    public String kind = DEVICE;

    public static final String DEVICE = "DEVICE";
    public static final String API = "API";

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The live device sessions (API-credential sessions end only with their credential). */
    public static List<Session> activeOf(UUID accountId) {
        return list("accountId = ?1 and kind = ?2 and revokedAt is null order by lastUsedAt desc", accountId, DEVICE);
    }
}
