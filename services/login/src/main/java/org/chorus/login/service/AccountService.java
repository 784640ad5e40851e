package org.chorus.login.service;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.chorus.events.Events;
import org.chorus.events.login.UserCreated;
import org.chorus.login.Account;
import org.chorus.login.AccountStatus;
import org.chorus.login.Roles;
import org.chorus.outbox.Outbox;
import org.chorus.web.ProblemException;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Creating and reading accounts. */
@ApplicationScoped
public class AccountService {

    private final PasswordHasher hasher;
    private final Outbox outbox;
    private final EmailVerificationService verification;
    private final BootstrapAdmins bootstrapAdmins;

    AccountService(PasswordHasher hasher, Outbox outbox, EmailVerificationService verification,
                   BootstrapAdmins bootstrapAdmins) {
        this.hasher = hasher;
        this.outbox = outbox;
        this.verification = verification;
        this.bootstrapAdmins = bootstrapAdmins;
    }

    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static String normaliseUsername(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Creates an account and, in the same transaction, its {@code user-created} event, the
     * first {@code email-verification-requested} and, for an address or username named in
     * {@code chorus.bootstrap-admins}, the {@code admin} role with its {@code role-granted}. Input is
     * already validated. The password is hashed outside the transaction so no connection is held
     * during the slow hash; the availability check before it spares the hash on an obvious 409,
     * and the unique constraints catch the race between two sign-ups.
     */
    public Account signUp(String email, String username, String password) {
        String normalisedEmail = normaliseEmail(email);
        String normalisedUsername = normaliseUsername(username);
        QuarkusTransaction.requiringNew().run(() -> ensureAvailable(normalisedEmail, normalisedUsername));
        String hash = hasher.hash(password);
        return QuarkusTransaction.requiringNew().call(() -> create(normalisedEmail, normalisedUsername, hash));
    }

    public Optional<Account> find(UUID id) {
        return Account.findByIdOptional(id);
    }

    private Account create(String email, String username, String passwordHash) {
        Instant now = Instant.now();
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.email = email;
        account.username = username;
        account.passwordHash = passwordHash;
        account.status = AccountStatus.ACTIVE;
        account.roles = new String[] {Roles.USER};
        account.emailVerified = false;
        account.createdAt = now;
        account.updatedAt = now;
        try {
            account.persistAndFlush();
        } catch (PersistenceException e) {
            throw conflictFrom(e);
        }
        outbox.publish(Events.USER_CREATED, account.id, new UserCreated(account.id, username, email, now));
        // after user-created: one user's events are read in order, and the role is of an existing user
        bootstrapAdmins.grantAtSignUp(account);
        verification.request(account);
        return account;
    }

    private static void ensureAvailable(String email, String username) {
        if (Account.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        if (Account.findByUsername(username).isPresent()) {
            throw usernameTaken();
        }
    }

    private static RuntimeException conflictFrom(PersistenceException e) {
        if (e.getCause() instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
            String constraint = violation.getConstraintName();
            if (constraint.contains("account_email_key")) {
                return emailTaken();
            }
            if (constraint.contains("account_username_key")) {
                return usernameTaken();
            }
        }
        return e;
    }

    static ProblemException emailTaken() {
        return ProblemException.conflict("email-taken", "An account with this e-mail address already exists");
    }

    static ProblemException usernameTaken() {
        return ProblemException.conflict("username-taken", "This username is taken");
    }
}
