package org.chorus.login.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.login.UserActive;
import org.chorus.outbox.Outbox;

/**
 * Announces that a user was active ({@code user-active}) at most once per UTC day, on the first login or refresh of
 * the day, for admin's daily active users. {@code account_activity} holds one row per account with the last day
 * announced; the upsert moves it forward only to a later day, so of two logins at once (or on two replicas) exactly
 * one sees its row change and publishes. A read first keeps the usual case (already announced today) free of a row
 * lock on the hot refresh path.
 */
@ApplicationScoped
class DailyActivity {

    private final EntityManager entityManager;
    private final Outbox outbox;

    DailyActivity(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void active(UUID accountId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        boolean announced = ((Number) entityManager
                                .createNativeQuery("""
                                        select count(*) from {h-schema}account_activity
                                        where account_id = :account and last_day >= :today""")
                                .setParameter("account", accountId)
                                .setParameter("today", today)
                                .getSingleResult())
                        .longValue()
                > 0;
        if (announced) {
            return;
        }
        int changed = entityManager
                .createNativeQuery("""
                        insert into {h-schema}account_activity as a (account_id, last_day) values (:account, :today)
                        on conflict (account_id) do update set last_day = excluded.last_day
                        where a.last_day < excluded.last_day""")
                .setParameter("account", accountId)
                .setParameter("today", today)
                .executeUpdate();
        if (changed == 1) {
            outbox.publish(Events.USER_ACTIVE, accountId, new UserActive(accountId, now));
        }
    }
}
