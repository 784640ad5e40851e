package org.chorus.login;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A login account. Never leaves the service as is: REST and events get records built from it. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Normalised: trimmed and lower-case. */
    @Column(nullable = false)
    public String email;

    /** Lower-case, {@code [a-z0-9_.]{3,30}}. */
    @Column(nullable = false)
    public String username;

    /** PHC string ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}): it carries its own parameters. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] roles;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    /** End of a suspension; null for a ban (or when not suspended). */
    @Column(name = "suspended_until")
    public Instant suspendedUntil;

    /** Access tokens issued at or before this are void (the gateway's login:deny:user entry). */
    @Column(name = "tokens_invalid_before")
    public Instant tokensInvalidBefore;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Account> findByEmail(String normalisedEmail) {
        return find("email", normalisedEmail).firstResultOptional();
    }

    public static Optional<Account> findByUsername(String normalisedUsername) {
        return find("username", normalisedUsername).firstResultOptional();
    }

    /** A login is a username or an e-mail address; only addresses contain an {@code @}. */
    public static Optional<Account> findByLogin(String login) {
        String normalised = login.trim().toLowerCase(Locale.ROOT);
        return normalised.indexOf('@') >= 0 ? findByEmail(normalised) : findByUsername(normalised);
    }

    public Set<String> roleSet() {
        return new LinkedHashSet<>(Arrays.asList(roles));
    }

    /** Active, or suspended until a time that has passed. */
    public boolean active() {
        return isActive(status, suspendedUntil, Instant.now());
    }

    /** The rule of {@link #active()}, for code that reads the columns without the entity. */
    public static boolean isActive(AccountStatus status, Instant suspendedUntil, Instant now) {
        return status == AccountStatus.ACTIVE || (suspendedUntil != null && !now.isBefore(suspendedUntil));
    }
}
