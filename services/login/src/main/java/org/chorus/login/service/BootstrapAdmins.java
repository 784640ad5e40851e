package org.chorus.login.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.admin.RoleGranted;
import org.chorus.login.Account;
import org.chorus.login.Roles;
import org.chorus.login.config.BootstrapConfig;
import org.chorus.outbox.Outbox;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The first administrators, named by the operator ({@code chorus.bootstrap-admins}): without them
 * nobody could ever hold {@code admin}, since roles otherwise come only from admin's
 * {@code role-granted}, which needs an administrator. A named account gets the role at sign-up, or
 * at the next start of login if it exists already; each grant publishes {@code role-granted} with
 * {@code grantedBy} = null (nobody granted it: the configuration did).
 */
@ApplicationScoped
public class BootstrapAdmins {

    private final Set<String> names;
    private final Outbox outbox;
    private final EntityManager entityManager;

    BootstrapAdmins(BootstrapConfig config, Outbox outbox, EntityManager entityManager) {
        this.names = normalise(config.names().orElse(List.of()));
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent start) {
        if (!names.isEmpty()) {
            int granted = QuarkusTransaction.requiringNew().call(() -> grant(names));
            Log.infof("Bootstrap administrators: %d named, %d granted admin now", names.size(), granted);
        }
    }

    /** Whether sign-up of this address or username makes an administrator. */
    public boolean named(String normalisedEmail, String normalisedUsername) {
        return names.contains(normalisedEmail) || names.contains(normalisedUsername);
    }

    /** At sign-up, in its transaction: the new account of a named address or username becomes admin. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grantAtSignUp(Account account) {
        if (named(account.email, account.username) && !account.roleSet().contains(Roles.ADMIN)) {
            String[] roles = Arrays.copyOf(account.roles, account.roles.length + 1);
            roles[roles.length - 1] = Roles.ADMIN;
            account.roles = roles;
            published(account.id, account.createdAt);
        }
    }

    /**
     * Grants {@code admin} to the existing accounts among {@code names} (e-mails or usernames, any
     * case) that do not hold it yet; returns how many. One conditional update: with two replicas
     * starting at once, the second waits for the first's row locks, re-reads the rows, finds the
     * role there and changes (and publishes) nothing — each grant happens, and is announced, once.
     * Meant for a transaction of its own: accounts already loaded in it would not see the new role.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int grant(Collection<String> names) {
        Set<String> normalised = normalise(names);
        if (normalised.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<UUID> granted = entityManager.createNativeQuery("""
                        update {h-schema}account set roles = array_append(roles, 'admin'), updated_at = :now
                        where (email in (:names) or username in (:names)) and not ('admin' = any(roles))
                        returning id""", UUID.class)
                .setParameter("now", now)
                .setParameter("names", normalised)
                .getResultList();
        for (UUID id : granted) {
            published(id, now);
            Log.infof("Account %s holds admin now (named in chorus.bootstrap-admins)", id);
        }
        return granted.size();
    }

    private void published(UUID accountId, Instant at) {
        outbox.publish(Events.ROLE_GRANTED, accountId, new RoleGranted(accountId, Roles.ADMIN, null, at));
    }

    private static Set<String> normalise(Collection<String> names) {
        return names.stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
