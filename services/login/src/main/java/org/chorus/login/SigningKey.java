package org.chorus.login;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A persisted RS256 key pair (used when no key is supplied by configuration). */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    public static final String CURRENT = "CURRENT";
    public static final String PREVIOUS = "PREVIOUS";
    public static final String RETIRED = "RETIRED";

    /** RFC 7638 thumbprint of the public key, so the same key always has the same kid. */
    @Id
    public String kid;

    @Column(nullable = false)
    public String algorithm;

    /** PKCS#8 DER. */
    @Column(name = "private_key", nullable = false)
    public byte[] privateKey;

    /** X.509 SubjectPublicKeyInfo DER. */
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(nullable = false)
    public String state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When it stopped signing; it keeps verifying for an access-token lifetime after that. */
    @Column(name = "demoted_at")
    public Instant demotedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    /** CURRENT first, then PREVIOUS keys, newest first. */
    public static List<SigningKey> verifying() {
        return list(
                "state in ?1 order by case when state = 'CURRENT' then 0 else 1 end, createdAt desc",
                List.of(CURRENT, PREVIOUS));
    }
}
