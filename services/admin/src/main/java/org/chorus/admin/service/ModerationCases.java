package org.chorus.admin.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.admin.ModerationCase;
import org.chorus.events.content.ContentReported;
import org.chorus.web.Timestamps;

/**
 * The moderation queue: reports group into one open case per target (a report on a target whose case is
 * closed opens a new case), listed newest or most-reported first with keyset pagination.
 */
@ApplicationScoped
public class ModerationCases {

    /** A case shows at most this many reports (the newest); reportCount says how many there are. */
    public static final int MAX_REPORTS_SHOWN = 200;

    private static final int MAX_SNAPSHOT = 20_000;
    private static final int MAX_COMMENT = 1_000;

    private static final String COLUMNS = """
            c.id, c.target_kind, c.target_id, c.target_author_id, c.state, c.report_count,
            (select string_agg(distinct r.reason, ',') from {h-schema}report r where r.case_id = c.id),
            c.opened_at, c.last_reported_at, c.assignee_id, c.closed_at, c.close_reason, c.action, c.sanction_id""";

    private final EntityManager entityManager;

    ModerationCases(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public enum Sort {
        NEWEST,
        MOST_REPORTED
    }

    /** A null field does not filter. */
    public record Filter(String state, String targetKind, String reason) {}

    /** Where the previous page ended: reportCount only matters when sorting by most reported. */
    public record Position(int reportCount, Instant lastReportedAt, UUID id) {}

    public record Page(List<ModerationCase> items, Position next) {}

    /**
     * Files the report into the target's open case, opening one if there is none. Idempotent (the report's
     * id is the primary key). An event lacking what a case needs is thrown back, and so dead-lettered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addReport(ContentReported report) {
        required(report.reportId(), "reportId");
        String kind = required(report.targetKind(), "targetKind");
        if (!ModerationCase.TARGET_KINDS.contains(kind)) {
            throw new IllegalArgumentException("content-reported has an unknown targetKind");
        }
        required(report.targetId(), "targetId");
        required(report.targetAuthorId(), "targetAuthorId");
        required(report.reporterId(), "reporterId");
        required(report.reason(), "reason");
        required(report.reportedAt(), "reportedAt");
        if (!entityManager
                .createNativeQuery("select 1 from {h-schema}report where id = :id")
                .setParameter("id", report.reportId())
                .getResultList()
                .isEmpty()) {
            return;
        }
        entityManager
                .createNativeQuery("""
                        insert into {h-schema}moderation_case
                            (id, target_kind, target_id, target_author_id, opened_at, last_reported_at)
                        values (:id, :kind, :targetId, :authorId, :at, :at)
                        on conflict (target_kind, target_id) where state = 'open' do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("kind", kind)
                .setParameter("targetId", report.targetId())
                .setParameter("authorId", report.targetAuthorId())
                .setParameter("at", report.reportedAt())
                .executeUpdate();
        // the lock makes resolving wait for this report, so its reporter hears the outcome too
        UUID caseId = (UUID) entityManager
                .createNativeQuery("""
                        select id from {h-schema}moderation_case
                        where target_kind = :kind and target_id = :targetId and state = 'open' for update""")
                .setParameter("kind", kind)
                .setParameter("targetId", report.targetId())
                .getSingleResult();
        Query insert = entityManager
                .createNativeQuery("""
                        insert into {h-schema}report (id, case_id, reporter_id, reason, comment, snapshot, reported_at)
                        values (:id, :caseId, :reporterId, :reason, :comment, :snapshot, :at)""")
                .setParameter("id", report.reportId())
                .setParameter("caseId", caseId)
                .setParameter("reporterId", report.reporterId())
                .setParameter("reason", cut(report.reason(), 50))
                .setParameter("at", report.reportedAt());
        Sql.nullable(
                insert, "comment", report.comment() == null ? null : cut(report.comment(), MAX_COMMENT), String.class);
        Sql.nullable(
                insert,
                "snapshot",
                report.snapshot() == null ? null : cut(report.snapshot(), MAX_SNAPSHOT),
                String.class);
        insert.executeUpdate();
        entityManager
                .createNativeQuery("""
                        update {h-schema}moderation_case set report_count = report_count + 1,
                            last_reported_at = greatest(last_reported_at, :at) where id = :id""")
                .setParameter("at", report.reportedAt())
                .setParameter("id", caseId)
                .executeUpdate();
    }

    @Transactional
    public Page list(Filter filter, Sort sort, Position after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from {h-schema}moderation_case c where true");
        if (filter.state() != null) {
            sql.append(" and c.state = :state");
        }
        if (filter.targetKind() != null) {
            sql.append(" and c.target_kind = :kind");
        }
        if (filter.reason() != null) {
            sql.append(" and exists (select 1 from {h-schema}report r where r.case_id = c.id and r.reason = :reason)");
        }
        if (after != null) {
            sql.append(
                    sort == Sort.MOST_REPORTED
                            ? " and (c.report_count, c.last_reported_at, c.id) < (:afterCount, :afterAt, :afterId)"
                            : " and (c.last_reported_at, c.id) < (:afterAt, :afterId)");
        }
        sql.append(
                sort == Sort.MOST_REPORTED
                        ? " order by c.report_count desc, c.last_reported_at desc, c.id desc"
                        : " order by c.last_reported_at desc, c.id desc");
        sql.append(" limit :limit");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        if (filter.state() != null) {
            query.setParameter("state", filter.state());
        }
        if (filter.targetKind() != null) {
            query.setParameter("kind", filter.targetKind());
        }
        if (filter.reason() != null) {
            query.setParameter("reason", filter.reason());
        }
        if (after != null) {
            if (sort == Sort.MOST_REPORTED) {
                query.setParameter("afterCount", after.reportCount());
            }
            query.setParameter("afterAt", after.lastReportedAt()).setParameter("afterId", after.id());
        }
        List<ModerationCase> rows = cases(query.getResultList());
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<ModerationCase> page = rows.subList(0, limit);
        ModerationCase last = page.get(limit - 1);
        return new Page(page, new Position(last.reportCount(), last.lastReportedAt(), last.id()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ModerationCase> find(UUID id, boolean forUpdate) {
        return cases(entityManager
                        .createNativeQuery("select " + COLUMNS + " from {h-schema}moderation_case c where c.id = :id"
                                + (forUpdate ? " for update of c" : ""))
                        .setParameter("id", id)
                        .getResultList())
                .stream()
                .findFirst();
    }

    /** The newest reports of the case first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ModerationCase.Report> reports(UUID caseId, int max) {
        return ((List<?>) entityManager
                        .createNativeQuery("""
                        select id, reporter_id, reason, comment, snapshot, reported_at from {h-schema}report
                        where case_id = :id order by reported_at desc, id desc limit :max""")
                        .setParameter("id", caseId)
                        .setParameter("max", max)
                        .getResultList())
                .stream()
                        .map(r -> (Object[]) r)
                        .map(r -> new ModerationCase.Report(
                                (UUID) r[0],
                                (UUID) r[1],
                                (String) r[2],
                                (String) r[3],
                                (String) r[4],
                                Timestamps.instant(r[5])))
                        .toList();
    }

    /** Every report of the case, for telling each reporter the outcome: (reportId, reporterId). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID[]> reporters(UUID caseId) {
        return ((List<?>) entityManager
                        .createNativeQuery(
                                "select id, reporter_id from {h-schema}report where case_id = :id order by reported_at, id")
                        .setParameter("id", caseId)
                        .getResultList())
                .stream()
                        .map(r -> (Object[]) r)
                        .map(r -> new UUID[] {(UUID) r[0], (UUID) r[1]})
                        .toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ModerationCase.Note> notes(UUID caseId) {
        return ((List<?>) entityManager
                        .createNativeQuery("""
                        select id, author_id, text, created_at from {h-schema}case_note
                        where case_id = :id order by created_at, id""")
                        .setParameter("id", caseId)
                        .getResultList())
                .stream()
                        .map(r -> (Object[]) r)
                        .map(r -> new ModerationCase.Note(
                                (UUID) r[0], (UUID) r[1], (String) r[2], Timestamps.instant(r[3])))
                        .toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void assign(UUID caseId, UUID moderatorId) {
        entityManager
                .createNativeQuery("update {h-schema}moderation_case set assignee_id = :m where id = :id")
                .setParameter("m", moderatorId)
                .setParameter("id", caseId)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ModerationCase.Note addNote(UUID caseId, UUID authorId, String text) {
        ModerationCase.Note note = new ModerationCase.Note(UUID.randomUUID(), authorId, text, Instant.now());
        entityManager
                .createNativeQuery("""
                        insert into {h-schema}case_note (id, case_id, author_id, text, created_at)
                        values (:id, :caseId, :authorId, :text, :at)""")
                .setParameter("id", note.id())
                .setParameter("caseId", caseId)
                .setParameter("authorId", authorId)
                .setParameter("text", text)
                .setParameter("at", note.createdAt())
                .executeUpdate();
        return note;
    }

    /** Closes an open case (the caller holds its row lock): resolved with an action and its sanction, or dismissed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(
            UUID caseId, String state, UUID moderatorId, String reason, String action, UUID sanctionId, Instant at) {
        Query update = entityManager
                .createNativeQuery("""
                        update {h-schema}moderation_case set state = :state, closed_at = :at, closed_by = :by,
                            close_reason = :reason, action = :action, sanction_id = :sanctionId
                        where id = :id""")
                .setParameter("state", state)
                .setParameter("at", at)
                .setParameter("by", moderatorId)
                .setParameter("id", caseId);
        Sql.nullable(update, "reason", reason, String.class);
        Sql.nullable(update, "action", action, String.class);
        Sql.nullable(update, "sanctionId", sanctionId, UUID.class);
        update.executeUpdate();
    }

    private static List<ModerationCase> cases(List<?> result) {
        return result.stream()
                .map(r -> (Object[]) r)
                .map(r -> new ModerationCase(
                        (UUID) r[0],
                        (String) r[1],
                        (UUID) r[2],
                        (UUID) r[3],
                        (String) r[4],
                        Sql.integer(r[5]),
                        r[6] == null ? List.of() : Arrays.asList(((String) r[6]).split(",")),
                        Timestamps.instant(r[7]),
                        Timestamps.instant(r[8]),
                        (UUID) r[9],
                        Timestamps.instant(r[10]),
                        (String) r[11],
                        (String) r[12],
                        (UUID) r[13]))
                .toList();
    }

    private static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException("content-reported lacks " + field);
        }
        return value;
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
