package org.chorus.admin.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Distinct active users per UTC day, from user-active. A user counts once per day: the (day, user) row is inserted
 * at most once and only a new row raises the day's count, so a repeated event (another id, same user and day) adds
 * nothing even past the inbox. Erasure forgets the user's rows but keeps the counts (they name nobody).
 */
@ApplicationScoped
public class DailyActiveUsers {

    private final EntityManager entityManager;

    DailyActiveUsers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record DayCount(LocalDate day, long count) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void active(UUID userId, Instant at) {
        boolean erased = !entityManager
                .createNativeQuery("select 1 from {h-schema}erased_user where id = :id")
                .setParameter("id", userId)
                .getResultList()
                .isEmpty();
        if (erased) {
            return; // a late event about a deleted user must not bring their id back
        }
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        int inserted = entityManager
                .createNativeQuery("""
                        insert into {h-schema}active_user_day (day, user_id) values (:day, :id) on conflict do nothing""")
                .setParameter("day", day)
                .setParameter("id", userId)
                .executeUpdate();
        if (inserted == 1) {
            entityManager.createNativeQuery("""
                            insert into {h-schema}active_user_stat as s (day, users) values (:day, 1)
                            on conflict (day) do update set users = s.users + 1""").setParameter("day", day).executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID userId) {
        entityManager
                .createNativeQuery("delete from {h-schema}active_user_day where user_id = :id")
                .setParameter("id", userId)
                .executeUpdate();
    }

    /** The days between from and to (UTC, inclusive) that had active users, newest first. */
    @Transactional
    public List<DayCount> byDay(LocalDate from, LocalDate to) {
        List<?> rows = entityManager
                .createNativeQuery("""
                        select day, users from {h-schema}active_user_stat where day between :from and :to
                        order by day desc""")
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new DayCount(
                        r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0],
                        ((Number) r[1]).longValue()))
                .toList();
    }
}
