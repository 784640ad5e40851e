package org.chorus.notifications.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.notifications.MailKind;
import org.chorus.notifications.MailPreference;
import org.chorus.notifications.NotificationKind;
import org.chorus.notifications.config.InAppConfig;

/**
 * Mails members who asked for it (preference {@code unseen}, off by default) about entries still
 * unread a while after their latest activity. Each entry is mailed once at most
 * ({@code unseen_mailed_at}, and the delivery's unique event id {@code unseen:<entry>}); rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas running this at once share the work and
 * never mail the same entry twice. Only the social kinds remind (security and moderation notices
 * are mailed at once anyway), and never about someone the member blocked or muted or who blocked
 * them, nor about a post or comment that is gone — checked again here, when the mail is made.
 */
@ApplicationScoped
public class UnseenMails {

    static final List<String> KINDS = List.of(
            NotificationKind.FRIEND_REQUEST.wireName(),
            NotificationKind.FRIENDSHIP.wireName(),
            NotificationKind.COMMENT.wireName(),
            NotificationKind.REPLY.wireName(),
            NotificationKind.REACTION.wireName(),
            NotificationKind.MENTION.wireName());

    private final EntityManager entityManager;
    private final Unsubscribes unsubscribes;
    private final DeliveryQueue deliveries;
    private final InAppConfig config;

    UnseenMails(EntityManager entityManager, Unsubscribes unsubscribes, DeliveryQueue deliveries, InAppConfig config) {
        this.entityManager = entityManager;
        this.unsubscribes = unsubscribes;
        this.deliveries = deliveries;
        this.config = config;
    }

    /** Queues the mails of at most {@code batch} entries whose latest activity is before {@code before}. */
    @Transactional
    public int mailDue(Instant before, int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select n.id, n.user_id, n.kind, m.username, m.email,
                            (select am.username from {h-schema}notification_actor a
                                join {h-schema}member am on am.id = a.actor_id
                                where a.notification_id = n.id order by a.acted_at desc limit 1)
                        from {h-schema}notification n
                        join {h-schema}mail_preference p on p.user_id = n.user_id and p.unseen
                        join {h-schema}member m on m.id = n.user_id and m.email is not null
                        where not n.read and n.unseen_mailed_at is null and n.updated_at <= :before
                          and n.kind in (:kinds)
                          and not exists (select 1 from {h-schema}erased_user e where e.id = n.user_id)
                          and not exists (select 1 from {h-schema}notification_actor a
                                join {h-schema}relation r
                                  on (r.user_id = n.user_id and r.other_id = a.actor_id)
                                  or (r.user_id = a.actor_id and r.other_id = n.user_id and r.kind = 'block')
                                where a.notification_id = n.id)
                          and not exists (select 1 from {h-schema}gone_content g
                                where g.id = n.post_id or cast(g.id as varchar) = n.target_id)
                        order by n.updated_at
                        limit :batch
                        for update of n skip locked""")
                .setParameter("before", before)
                .setParameter("kinds", KINDS)
                .setParameter("batch", batch)
                .getResultList();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            UUID userId = (UUID) r[1];
            NotificationKind kind = NotificationKind.fromWire((String) r[2]).orElseThrow();
            String actor = Optional.ofNullable((String) r[5]).orElse("Someone");
            String token = unsubscribes.issue(userId, MailPreference.UNSEEN);
            deliveries.queue(
                    "unseen:" + id,
                    MailKind.ACTIVITY,
                    userId,
                    (String) r[4],
                    new ActivityMail(
                            (String) r[3],
                            "Not seen yet: " + ActivityMails.subject(kind, actor),
                            ActivityMails.line(kind, actor) + " You have not seen it on Chorus yet.",
                            config.notificationsUrl(),
                            config.unsubscribeUrl().replace("{token}", token)));
            entityManager
                    .createNativeQuery("update {h-schema}notification set unseen_mailed_at = now() where id = :id")
                    .setParameter("id", id)
                    .executeUpdate();
        }
        return rows.size();
    }
}
