package org.chorus.admin.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.admin.AuditKind;
import org.chorus.admin.Sanction;
import org.chorus.admin.SanctionAction;
import org.chorus.admin.config.ModerationConfig;
import org.chorus.events.Events;
import org.chorus.events.admin.ContentHidden;
import org.chorus.events.admin.ContentRestored;
import org.chorus.events.admin.SanctionNoticeRequested;
import org.chorus.events.admin.UserReinstated;
import org.chorus.events.admin.UserSuspended;
import org.chorus.events.admin.UserWarned;
import org.chorus.outbox.Outbox;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;
import org.chorus.web.Timestamps;

/**
 * Imposes and ends sanctions. Each change commits with its events: the public one the other services act on
 * (user-warned, content-hidden, user-suspended; on the end user-reinstated or content-restored) and, on
 * imposing, the private sanction-notice-requested with the one-time appeal link for notifications.
 *
 * <p>A user can hold several suspensions and bans at once; login keeps only the latest user-suspended, so
 * each user-suspended carries the effective end of all of them (none while a ban is active), and ending one
 * while another is still active publishes user-suspended again with what remains instead of user-reinstated.
 */
@ApplicationScoped
public class Sanctions {

    private static final String COLUMNS = """
            id, user_id, action, reason, until, target_kind, target_id, case_id, moderator_id, issued_at, state,
            ended_at, appeal_deadline""";

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final AppealCodes codes;
    private final ModerationConfig config;
    private final ModerationAudit audit;

    Sanctions(
            EntityManager entityManager,
            Outbox outbox,
            AppealCodes codes,
            ModerationConfig config,
            ModerationAudit audit) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.codes = codes;
        this.config = config;
        this.audit = audit;
    }

    /** What a moderator asks for; checked by {@link #impose}. */
    public record Imposition(
            UUID userId,
            SanctionAction action,
            String reason,
            Instant until,
            String targetKind,
            UUID targetId,
            UUID caseId) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public Sanction impose(UUID moderatorId, Imposition request) {
        check(moderatorId, request);
        if (request.caseId() != null
                && entityManager
                        .createNativeQuery("select 1 from {h-schema}moderation_case where id = :id")
                        .setParameter("id", request.caseId())
                        .getResultList()
                        .isEmpty()) {
            throw ProblemException.notFound("Case " + request.caseId());
        }
        Sql.lockSanctionsOf(entityManager, request.userId());
        Instant now = Instant.now();
        String code = codes.newCode();
        Sanction sanction = new Sanction(
                UUID.randomUUID(),
                request.userId(),
                request.action().value(),
                request.reason(),
                request.until(),
                request.targetKind(),
                request.targetId(),
                request.caseId(),
                moderatorId,
                now,
                Sanction.ACTIVE,
                null,
                now.plus(config.appealWindow()));
        Query insert = entityManager
                .createNativeQuery("""
                        insert into {h-schema}sanction (id, user_id, action, reason, until, target_kind, target_id,
                            case_id, moderator_id, issued_at, appeal_code_hash, appeal_deadline)
                        values (:id, :userId, :action, :reason, :until, :targetKind, :targetId, :caseId, :moderatorId,
                            :issuedAt, :hash, :deadline)""")
                .setParameter("id", sanction.id())
                .setParameter("userId", sanction.userId())
                .setParameter("action", sanction.action())
                .setParameter("reason", sanction.reason())
                .setParameter("moderatorId", moderatorId)
                .setParameter("issuedAt", now)
                .setParameter("hash", AppealCodes.hash(code))
                .setParameter("deadline", sanction.appealDeadline());
        Sql.nullable(insert, "until", sanction.until(), Instant.class);
        Sql.nullable(insert, "targetKind", sanction.targetKind(), String.class);
        Sql.nullable(insert, "targetId", sanction.targetId(), UUID.class);
        Sql.nullable(insert, "caseId", sanction.caseId(), UUID.class);
        insert.executeUpdate();

        UUID userId = sanction.userId();
        switch (request.action()) {
            case WARN ->
                outbox.publish(
                        Events.USER_WARNED,
                        userId,
                        new UserWarned(userId, sanction.reason(), sanction.id(), sanction.caseId(), moderatorId, now));
            case HIDE ->
                outbox.publish(
                        Events.CONTENT_HIDDEN,
                        userId,
                        new ContentHidden(
                                sanction.targetKind(),
                                sanction.targetId(),
                                userId,
                                sanction.reason(),
                                sanction.id(),
                                sanction.caseId(),
                                moderatorId,
                                now));
            case SUSPEND, BAN ->
                outbox.publish(
                        Events.USER_SUSPENDED,
                        userId,
                        new UserSuspended(
                                userId, sanction.reason(), effectiveEnd(userId).orElse(null), moderatorId, now));
        }
        outbox.publish(
                Events.SANCTION_NOTICE_REQUESTED,
                userId,
                new SanctionNoticeRequested(
                        userId,
                        sanction.id(),
                        sanction.action(),
                        sanction.reason(),
                        sanction.until(),
                        codes.link(code),
                        sanction.appealDeadline(),
                        now));
        audit.entry(AuditKind.SANCTION_IMPOSED, moderatorId, userId, "Sanction imposed: " + sanction.action())
                .with("sanctionId", sanction.id())
                .with("action", sanction.action())
                .with("reason", sanction.reason())
                .with("until", sanction.until())
                .with("targetKind", sanction.targetKind())
                .with("targetId", sanction.targetId())
                .with("caseId", sanction.caseId())
                .record();
        return sanction;
    }

    /**
     * Lifts an active sanction (409 {@code sanction-not-active} otherwise) and reverses its effect.
     *
     * @param reason why, for the audit log; may be null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Sanction lift(UUID moderatorId, UUID sanctionId, String reason) {
        Sanction sanction =
                find(sanctionId, true).orElseThrow(() -> ProblemException.notFound("Sanction " + sanctionId));
        if (!Sanction.ACTIVE.equals(sanction.state())) {
            throw ProblemException.conflict("sanction-not-active", "The sanction is " + sanction.state());
        }
        Sanction lifted = end(sanction, Sanction.LIFTED, moderatorId, moderatorId);
        audit.entry(AuditKind.SANCTION_LIFTED, moderatorId, sanction.userId(), "Sanction lifted: " + sanction.action())
                .with("sanctionId", sanction.id())
                .with("action", sanction.action())
                .with("reason", reason)
                .record();
        return lifted;
    }

    /**
     * Ends every suspension whose time has come, at most {@code batchSize} in this transaction; rows another
     * replica is ending are skipped. Returns how many it ended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int expireDue(int batchSize) {
        List<Sanction> due = sanctions(entityManager
                .createNativeQuery("select " + COLUMNS + """
                         from {h-schema}sanction where state = 'active' and action = 'suspend' and until <= now()
                        order by until limit :batch for update skip locked""")
                .setParameter("batch", batchSize)
                .getResultList());
        // user-reinstated names a moderator: for an expiry, the one who imposed the suspension
        due.forEach(s -> end(s, Sanction.EXPIRED, null, s.moderatorId()));
        return due.size();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Sanction> find(UUID id, boolean forUpdate) {
        return sanctions(entityManager
                        .createNativeQuery("select " + COLUMNS + " from {h-schema}sanction where id = :id"
                                + (forUpdate ? " for update" : ""))
                        .setParameter("id", id)
                        .getResultList())
                .stream()
                .findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Sanction> findByCode(String code, boolean forUpdate) {
        return sanctions(entityManager
                        .createNativeQuery(
                                "select " + COLUMNS + " from {h-schema}sanction where appeal_code_hash = :hash"
                                        + (forUpdate ? " for update" : ""))
                        .setParameter("hash", AppealCodes.hash(code))
                        .getResultList())
                .stream()
                .findFirst();
    }

    /** Newest first; a null user lists everyone's. */
    @Transactional
    public Slice<Sanction> list(UUID userId, KeysetCursor after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from {h-schema}sanction where true");
        if (userId != null) {
            sql.append(" and user_id = :userId");
        }
        if (after != null) {
            sql.append(" and (issued_at, id) < (:afterAt, :afterId)");
        }
        sql.append(" order by issued_at desc, id desc limit :limit");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        if (userId != null) {
            query.setParameter("userId", userId);
        }
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        List<Sanction> rows = sanctions(query.getResultList());
        return Slice.of(rows, limit, last -> new KeysetCursor(last.issuedAt(), last.id()));
    }

    /** Marks the sanction ended (the caller holds its row lock) and reverses its effect. */
    private Sanction end(Sanction sanction, String state, UUID endedBy, UUID eventModerator) {
        Sql.lockSanctionsOf(entityManager, sanction.userId());
        Instant now = Instant.now();
        Sql.nullable(
                        entityManager
                                .createNativeQuery("""
                                update {h-schema}sanction set state = :state, ended_at = :at, ended_by = :by where id = :id""")
                                .setParameter("state", state)
                                .setParameter("at", now)
                                .setParameter("id", sanction.id()),
                        "by",
                        endedBy,
                        UUID.class)
                .executeUpdate();
        UUID userId = sanction.userId();
        SanctionAction action = SanctionAction.of(sanction.action()).orElseThrow();
        if (action == SanctionAction.HIDE && !stillHidden(sanction)) {
            outbox.publish(
                    Events.CONTENT_RESTORED,
                    userId,
                    new ContentRestored(sanction.targetKind(), sanction.targetId(), userId, sanction.id(), now));
        } else if (action.excludes()) {
            Optional<Sanction> strongest = strongestExclusion(userId);
            if (strongest.isEmpty()) {
                outbox.publish(Events.USER_REINSTATED, userId, new UserReinstated(userId, eventModerator, now));
            } else {
                Sanction remaining = strongest.get();
                outbox.publish(
                        Events.USER_SUSPENDED,
                        userId,
                        new UserSuspended(userId, remaining.reason(), remaining.until(), remaining.moderatorId(), now));
            }
        }
        return new Sanction(
                sanction.id(),
                userId,
                sanction.action(),
                sanction.reason(),
                sanction.until(),
                sanction.targetKind(),
                sanction.targetId(),
                sanction.caseId(),
                sanction.moderatorId(),
                sanction.issuedAt(),
                state,
                now,
                sanction.appealDeadline());
    }

    /** Another active hiding of the same post or comment keeps it hidden. */
    private boolean stillHidden(Sanction sanction) {
        return !entityManager
                .createNativeQuery("""
                        select 1 from {h-schema}sanction where state = 'active' and action = 'hide'
                        and target_kind = :kind and target_id = :target and id <> :id""")
                .setParameter("kind", sanction.targetKind())
                .setParameter("target", sanction.targetId())
                .setParameter("id", sanction.id())
                .getResultList()
                .isEmpty();
    }

    /** The active ban, or else the active suspension that ends last: what keeps the user out now. */
    private Optional<Sanction> strongestExclusion(UUID userId) {
        return sanctions(entityManager
                        .createNativeQuery("select " + COLUMNS + """
                         from {h-schema}sanction where user_id = :userId and state = 'active'
                        and action in ('suspend', 'ban') and (until is null or until > now()) order by until desc nulls first, issued_at desc limit 1""")
                        .setParameter("userId", userId)
                        .getResultList())
                .stream()
                .findFirst();
    }

    /** When the user's exclusion ends, all active suspensions and bans together; empty for never (a ban). */
    private Optional<Instant> effectiveEnd(UUID userId) {
        return strongestExclusion(userId).map(Sanction::until);
    }

    private void check(UUID moderatorId, Imposition request) {
        if (request.userId().equals(moderatorId)) {
            throw ProblemException.badRequest("self-sanction", "A moderator cannot sanction themselves");
        }
        boolean hide = request.action() == SanctionAction.HIDE;
        if (hide != (request.targetId() != null) || hide != (request.targetKind() != null)) {
            throw ProblemException.badRequest(
                    "invalid-target", "targetKind (post or comment) and targetId are required to hide, and only then");
        }
        if (hide && !List.of("post", "comment").contains(request.targetKind())) {
            throw ProblemException.badRequest("invalid-target", "targetKind must be post or comment");
        }
        boolean suspend = request.action() == SanctionAction.SUSPEND;
        if (suspend != (request.until() != null)) {
            throw ProblemException.badRequest(
                    "invalid-until", "a suspension needs until (or durationHours), and no other action takes one");
        }
        if (suspend && !request.until().isAfter(Instant.now())) {
            throw ProblemException.badRequest("invalid-until", "until must be in the future");
        }
    }

    private static List<Sanction> sanctions(List<?> result) {
        return result.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Sanction(
                        (UUID) r[0],
                        (UUID) r[1],
                        (String) r[2],
                        (String) r[3],
                        Timestamps.instant(r[4]),
                        (String) r[5],
                        (UUID) r[6],
                        (UUID) r[7],
                        (UUID) r[8],
                        Timestamps.instant(r[9]),
                        (String) r[10],
                        Timestamps.instant(r[11]),
                        Timestamps.instant(r[12])))
                .toList();
    }
}
