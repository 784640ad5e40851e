package org.chorus.admin.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.admin.Role;
import org.chorus.admin.service.RoleGrants;
import org.chorus.admin.service.UserDirectory;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;

/**
 * Keeps admin's directory and role view: user-updated renames a user; role-granted and role-revoked — admin's
 * own (already applied, so they change nothing) and login's grants to the operator-named first
 * administrators — set a role as of the event's time (user-created and user-deleted are consumed by
 * {@link SignupConsumer} and {@link SecurityAuditConsumer}, one method per channel).
 */
@ApplicationScoped
class DirectoryConsumer {

    static final String CONSUMER = "admin";

    private final Inbox inbox;
    private final UserDirectory directory;
    private final RoleGrants roles;

    DirectoryConsumer(Inbox inbox, UserDirectory directory, RoleGrants roles) {
        this.inbox = inbox;
        this.directory = directory;
        this.roles = roles;
    }

    @Incoming(Topics.USER_UPDATED)
    @Blocking
    void userUpdated(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_UPDATED, record, e -> directory.upsert(
                SecurityEvents.required(e.userId(), "userId"), SecurityEvents.required(e.username(), "username"),
                SecurityEvents.required(e.updatedAt(), "updatedAt")));
    }

    @Incoming(Topics.ROLE_GRANTED)
    @Blocking
    void roleGranted(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.ROLE_GRANTED, record, e -> Role.of(SecurityEvents.required(e.role(), "role"))
                .ifPresentOrElse(role -> roles.apply(SecurityEvents.required(e.userId(), "userId"), role, true,
                                SecurityEvents.required(e.grantedAt(), "grantedAt")),
                        () -> Log.debugf("role-granted of %s ignored: not a role admin tracks", e.role())));
    }

    @Incoming(Topics.ROLE_REVOKED)
    @Blocking
    void roleRevoked(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.ROLE_REVOKED, record, e -> Role.of(SecurityEvents.required(e.role(), "role"))
                .ifPresentOrElse(role -> roles.apply(SecurityEvents.required(e.userId(), "userId"), role, false,
                                SecurityEvents.required(e.revokedAt(), "revokedAt")),
                        () -> Log.debugf("role-revoked of %s ignored: not a role admin tracks", e.role())));
    }
}
