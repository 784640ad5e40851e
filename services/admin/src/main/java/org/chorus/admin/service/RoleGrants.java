package org.chorus.admin.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.admin.AuditKind;
import org.chorus.admin.Role;
import org.chorus.events.Events;
import org.chorus.events.admin.RoleGranted;
import org.chorus.events.admin.RoleRevoked;
import org.chorus.outbox.Outbox;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;
import org.chorus.web.Timestamps;

/**
 * Who holds moderator and admin. Administrators grant and revoke through here (the change, its event and
 * its audit entry commit together); role-granted and role-revoked — admin's own and login's grants to the
 * operator-named first administrators — are applied to the same view, newest event time winning.
 */
@ApplicationScoped
public class RoleGrants {

    /** Serialises all role changes (rare), so two admins revoking each other cannot leave none. */
    private static final long ROLE_CHANGE_LOCK = 0x726f6c6573L;

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final UserDirectory directory;
    private final ModerationAudit audit;

    RoleGrants(EntityManager entityManager, Outbox outbox, UserDirectory directory, ModerationAudit audit) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.directory = directory;
        this.audit = audit;
    }

    public record Holder(UUID id, String username, List<String> roles, Instant since) {}

    /** Idempotent: granting a role the user holds changes nothing and publishes nothing. */
    @Transactional
    public void grant(UUID actorId, UUID userId, Role role) {
        lockRoleChanges();
        if (!directory.exists(userId)) {
            throw ProblemException.notFound("User " + userId);
        }
        if (holds(userId, role)) {
            return;
        }
        Instant now = Instant.now();
        apply(userId, role, true, now);
        outbox.publish(Events.ROLE_GRANTED, userId, new RoleGranted(userId, role.value(), actorId, now));
        audit.entry(AuditKind.ROLE_GRANTED, actorId, userId, "Role " + role.value() + " granted")
                .with("role", role.value())
                .record();
    }

    /** Idempotent; the last administrator keeps the role (409 {@code last-admin}). */
    @Transactional
    public void revoke(UUID actorId, UUID userId, Role role) {
        lockRoleChanges();
        if (!holds(userId, role)) {
            return;
        }
        if (role == Role.ADMIN && admins() <= 1) {
            throw ProblemException.conflict("last-admin", "The last administrator cannot lose the admin role");
        }
        Instant now = Instant.now();
        apply(userId, role, false, now);
        outbox.publish(Events.ROLE_REVOKED, userId, new RoleRevoked(userId, role.value(), actorId, now));
        audit.entry(AuditKind.ROLE_REVOKED, actorId, userId, "Role " + role.value() + " revoked")
                .with("role", role.value())
                .record();
    }

    /**
     * Applies a grant or revocation as of {@code at}; one older than what the view holds is ignored, so
     * redeliveries and late events (admin's own, which it already applied) change nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID userId, Role role, boolean granted, Instant at) {
        entityManager
                .createNativeQuery("""
                        insert into {h-schema}user_role as r (user_id, role, granted, changed_at)
                        values (:userId, :role, :granted, :at)
                        on conflict (user_id, role) do update set granted = excluded.granted, changed_at = excluded.changed_at
                        where r.changed_at < excluded.changed_at""")
                .setParameter("userId", userId)
                .setParameter("role", role.value())
                .setParameter("granted", granted)
                .setParameter("at", at)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holds(UUID userId, Role role) {
        return !entityManager
                .createNativeQuery(
                        "select 1 from {h-schema}user_role where user_id = :userId and role = :role and granted")
                .setParameter("userId", userId)
                .setParameter("role", role.value())
                .getResultList()
                .isEmpty();
    }

    /** Users holding the role (any of moderator and admin when null), longest-standing first. */
    @Transactional
    public Slice<Holder> holders(Role role, KeysetCursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select r.user_id, d.username, string_agg(r.role, ',' order by r.role), min(r.changed_at) since
                from {h-schema}user_role r left join {h-schema}directory_user d on d.id = r.user_id
                where r.granted""");
        if (role != null) {
            sql.append(" and r.role = :role");
        }
        sql.append(" group by r.user_id, d.username");
        if (after != null) {
            sql.append(" having (min(r.changed_at), r.user_id) > (:afterAt, :afterId)");
        }
        sql.append(" order by since, r.user_id limit :limit");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        if (role != null) {
            query.setParameter("role", role.value());
        }
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        List<Holder> rows = ((List<?>) query.getResultList())
                .stream()
                        .map(r -> (Object[]) r)
                        .map(r -> new Holder(
                                (UUID) r[0],
                                (String) r[1],
                                Arrays.asList(((String) r[2]).split(",")),
                                Timestamps.instant(r[3])))
                        .toList();
        if (role != null) {
            // the roles column must list all the user's roles, not only the one filtered on
            rows = rows.stream()
                    .map(h -> new Holder(h.id(), h.username(), rolesOf(h.id()), h.since()))
                    .toList();
        }
        return Slice.of(rows, limit, last -> new KeysetCursor(last.since(), last.id()));
    }

    private List<String> rolesOf(UUID userId) {
        return ((List<?>) entityManager
                        .createNativeQuery(
                                "select role from {h-schema}user_role where user_id = :id and granted order by role")
                        .setParameter("id", userId)
                        .getResultList())
                .stream().map(String.class::cast).toList();
    }

    private long admins() {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from {h-schema}user_role where role = 'admin' and granted")
                        .getSingleResult())
                .longValue();
    }

    private void lockRoleChanges() {
        entityManager
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) locked")
                .setParameter("key", ROLE_CHANGE_LOCK)
                .getSingleResult();
    }
}
