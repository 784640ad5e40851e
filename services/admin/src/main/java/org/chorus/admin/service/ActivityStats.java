package org.chorus.admin.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Statistics beyond sign-ups: posts per UTC day (counted from post-created, once per event thanks to the
 * inbox), and the moderation queue's throughput — reports received and reports settled per day, and the
 * median time from a case's first report to its closing — read from the cases themselves.
 */
@ApplicationScoped
public class ActivityStats {

    private final EntityManager entityManager;

    ActivityStats(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record DayCount(LocalDate day, long count) {
    }

    /**
     * @param medianSecondsToClose over the cases closed (resolved or dismissed) in the range; null without any
     */
    public record Moderation(List<DayCount> postsByDay, List<DayCount> reportsOpenedByDay,
                             List<DayCount> reportsClosedByDay, Long medianSecondsToClose) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void countPost(Instant createdAt) {
        entityManager.createNativeQuery("""
                        insert into {h-schema}post_stat as s (day, posts) values (:day, 1)
                        on conflict (day) do update set posts = s.posts + 1""")
                .setParameter("day", LocalDate.ofInstant(createdAt, ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Days between from and to (UTC, inclusive), newest first, that have a count. */
    @Transactional
    public Moderation summary(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<DayCount> posts = days(entityManager.createNativeQuery("""
                        select day, posts from {h-schema}post_stat where day between :from and :to order by day desc""")
                .setParameter("from", from).setParameter("to", to).getResultList());
        List<DayCount> opened = days(entityManager.createNativeQuery("""
                        select (reported_at at time zone 'UTC')::date d, count(*) from {h-schema}report
                        where reported_at >= :start and reported_at < :end group by d order by d desc""")
                .setParameter("start", start).setParameter("end", end).getResultList());
        List<DayCount> closed = days(entityManager.createNativeQuery("""
                        select (closed_at at time zone 'UTC')::date d, sum(report_count) from {h-schema}moderation_case
                        where state <> 'open' and closed_at >= :start and closed_at < :end group by d order by d desc""")
                .setParameter("start", start).setParameter("end", end).getResultList());
        Number median = (Number) entityManager.createNativeQuery("""
                        select percentile_cont(0.5) within group (order by extract(epoch from closed_at - opened_at))
                        from {h-schema}moderation_case
                        where state <> 'open' and closed_at >= :start and closed_at < :end""")
                .setParameter("start", start).setParameter("end", end).getSingleResult();
        return new Moderation(posts, opened, closed, median == null ? null : Math.round(median.doubleValue()));
    }

    private static List<DayCount> days(List<?> rows) {
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new DayCount(r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0],
                        ((Number) r[1]).longValue()))
                .toList();
    }
}
