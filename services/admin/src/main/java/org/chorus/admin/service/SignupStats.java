package org.chorus.admin.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Sign-ups per UTC day. Counting is not idempotent by itself: it relies on being called from
 * the inbox, whose handled-event row commits in the same transaction as the increment.
 */
@ApplicationScoped
public class SignupStats {

    private final EntityManager entityManager;

    SignupStats(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record DayCount(LocalDate day, int signups) {}

    public record Summary(long totalSignups, LocalDate from, LocalDate to, List<DayCount> signupsByDay) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void count(Instant createdAt) {
        entityManager
                .createNativeQuery("""
                        insert into {h-schema}signup_stat as s (day, signups) values (:day, 1)
                        on conflict (day) do update set signups = s.signups + 1""")
                .setParameter("day", LocalDate.ofInstant(createdAt, ZoneOffset.UTC))
                .executeUpdate();
    }

    /** All-time total, and the days between from and to (inclusive, newest first) that had sign-ups. */
    @Transactional
    public Summary summary(LocalDate from, LocalDate to) {
        long total = ((Number) entityManager
                        .createNativeQuery("select coalesce(sum(signups), 0) from {h-schema}signup_stat")
                        .getSingleResult())
                .longValue();
        List<?> rows = entityManager
                .createNativeQuery("""
                        select day, signups from {h-schema}signup_stat where day between :from and :to order by day desc""")
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        List<DayCount> days = rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new DayCount(toLocalDate(r[0]), ((Number) r[1]).intValue()))
                .toList();
        return new Summary(total, from, to, days);
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
