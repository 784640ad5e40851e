package org.chorus.admin.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.admin.Appeal;
import org.chorus.admin.AuditKind;
import org.chorus.admin.Sanction;
import org.chorus.events.Events;
import org.chorus.events.admin.AppealDecided;
import org.chorus.outbox.Outbox;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;
import org.chorus.web.Timestamps;

/**
 * One appeal per sanction, filed by its user within the appeal window — through the one-time code of the
 * notice (no token needed: a suspended user cannot log in) or with a token — and decided by a moderator;
 * overturning lifts the sanction.
 */
@ApplicationScoped
public class Appeals {

    private static final String COLUMNS =
            "id, sanction_id, user_id, text, state, filed_at, decided_at, decided_by, decision_reason";

    private final EntityManager entityManager;
    private final Sanctions sanctions;
    private final Outbox outbox;
    private final ModerationAudit audit;

    Appeals(EntityManager entityManager, Sanctions sanctions, Outbox outbox, ModerationAudit audit) {
        this.entityManager = entityManager;
        this.sanctions = sanctions;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** The sanction a code belongs to (404 for an unknown code) and its appeal, if filed. */
    public record ByCode(Sanction sanction, Appeal appeal) {}

    @Transactional
    public ByCode byCode(String code) {
        Sanction sanction =
                sanctions.findByCode(code, false).orElseThrow(() -> ProblemException.notFound("Appeal code"));
        return new ByCode(sanction, ofSanction(sanction.id()).orElse(null));
    }

    @Transactional
    public Appeal fileByCode(String code, String text) {
        Sanction sanction =
                sanctions.findByCode(code, true).orElseThrow(() -> ProblemException.notFound("Appeal code"));
        return file(sanction, text);
    }

    /** The user's own sanction only: anyone else's is a 404, as if it did not exist. */
    @Transactional
    public Appeal fileAsUser(UUID userId, UUID sanctionId, String text) {
        Sanction sanction = sanctions
                .find(sanctionId, true)
                .filter(s -> s.userId().equals(userId))
                .orElseThrow(() -> ProblemException.notFound("Sanction " + sanctionId));
        return file(sanction, text);
    }

    /** The caller holds the sanction's row lock, so two appeals cannot pass the checks together. */
    private Appeal file(Sanction sanction, String text) {
        if (ofSanction(sanction.id()).isPresent()) {
            throw ProblemException.conflict("appeal-exists", "This sanction has been appealed already");
        }
        Instant now = Instant.now();
        if (now.isAfter(sanction.appealDeadline())) {
            throw new ProblemException(
                    410,
                    "appeal-window-closed",
                    "Gone",
                    "The time to appeal this sanction ended at " + sanction.appealDeadline());
        }
        if (Sanction.LIFTED.equals(sanction.state())) {
            throw ProblemException.conflict("sanction-not-active", "The sanction has been lifted already");
        }
        Appeal appeal = new Appeal(
                UUID.randomUUID(), sanction.id(), sanction.userId(), text, Appeal.PENDING, now, null, null, null);
        entityManager
                .createNativeQuery("""
                        insert into {h-schema}appeal (id, sanction_id, user_id, text, filed_at)
                        values (:id, :sanctionId, :userId, :text, :at)""")
                .setParameter("id", appeal.id())
                .setParameter("sanctionId", appeal.sanctionId())
                .setParameter("userId", appeal.userId())
                .setParameter("text", text)
                .setParameter("at", now)
                .executeUpdate();
        return appeal;
    }

    /**
     * Upholds or overturns a pending appeal (409 {@code appeal-decided} otherwise); overturning lifts the
     * sanction if it is still active. A moderator never decides an appeal of their own.
     */
    @Transactional
    public Appeal decide(UUID moderatorId, UUID appealId, String decision, String reason) {
        Appeal appeal = find(appealId, true).orElseThrow(() -> ProblemException.notFound("Appeal " + appealId));
        if (appeal.userId().equals(moderatorId)) {
            throw ProblemException.conflict("own-appeal", "A moderator cannot decide their own appeal");
        }
        if (!Appeal.PENDING.equals(appeal.state())) {
            throw ProblemException.conflict("appeal-decided", "The appeal was " + appeal.state() + " already");
        }
        Instant now = Instant.now();
        if (Appeal.OVERTURNED.equals(decision)) {
            Sanction sanction = sanctions.find(appeal.sanctionId(), true).orElseThrow();
            if (Sanction.ACTIVE.equals(sanction.state())) {
                sanctions.lift(moderatorId, sanction.id(), "appeal overturned");
            }
        }
        Query update = entityManager
                .createNativeQuery("""
                        update {h-schema}appeal set state = :state, decided_at = :at, decided_by = :by,
                            decision_reason = :reason where id = :id""")
                .setParameter("state", decision)
                .setParameter("at", now)
                .setParameter("by", moderatorId)
                .setParameter("id", appealId);
        Sql.nullable(update, "reason", reason, String.class).executeUpdate();
        outbox.publish(
                Events.APPEAL_DECIDED,
                appeal.userId(),
                new AppealDecided(appealId, appeal.sanctionId(), appeal.userId(), decision, now));
        audit.entry(AuditKind.APPEAL_DECIDED, moderatorId, appeal.userId(), "Appeal " + decision)
                .with("appealId", appealId)
                .with("sanctionId", appeal.sanctionId())
                .with("decision", decision)
                .with("reason", reason)
                .record();
        return new Appeal(
                appealId,
                appeal.sanctionId(),
                appeal.userId(),
                appeal.text(),
                decision,
                appeal.filedAt(),
                now,
                moderatorId,
                reason);
    }

    /** Newest first. */
    @Transactional
    public Slice<Appeal> list(String state, KeysetCursor after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from {h-schema}appeal where state = :state");
        if (after != null) {
            sql.append(" and (filed_at, id) < (:afterAt, :afterId)");
        }
        sql.append(" order by filed_at desc, id desc limit :limit");
        Query query = entityManager
                .createNativeQuery(sql.toString())
                .setParameter("state", state)
                .setParameter("limit", limit + 1);
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        List<Appeal> rows = appeals(query.getResultList());
        return Slice.of(rows, limit, last -> new KeysetCursor(last.filedAt(), last.id()));
    }

    private Optional<Appeal> find(UUID id, boolean forUpdate) {
        return appeals(entityManager
                        .createNativeQuery("select " + COLUMNS + " from {h-schema}appeal where id = :id"
                                + (forUpdate ? " for update" : ""))
                        .setParameter("id", id)
                        .getResultList())
                .stream()
                .findFirst();
    }

    private Optional<Appeal> ofSanction(UUID sanctionId) {
        return appeals(entityManager
                        .createNativeQuery("select " + COLUMNS + " from {h-schema}appeal where sanction_id = :id")
                        .setParameter("id", sanctionId)
                        .getResultList())
                .stream()
                .findFirst();
    }

    private static List<Appeal> appeals(List<?> result) {
        return result.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Appeal(
                        (UUID) r[0],
                        (UUID) r[1],
                        (UUID) r[2],
                        (String) r[3],
                        (String) r[4],
                        Timestamps.instant(r[5]),
                        Timestamps.instant(r[6]),
                        (UUID) r[7],
                        (String) r[8]))
                .toList();
    }
}
