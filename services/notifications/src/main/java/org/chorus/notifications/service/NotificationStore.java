package org.chorus.notifications.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.notifications.NotificationKind;
import org.chorus.notifications.config.InAppConfig;
import org.chorus.notifications.stream.LiveEvents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Makes, groups, changes and removes notifications, and tells the user's open streams after the
 * commit. Every change of a user's entries takes the row of {@code user_sequence} first: that
 * serialises one user's changes (so grouping never races) and numbers them for Last-Event-ID.
 */
@ApplicationScoped
public class NotificationStore {

    private final EntityManager entityManager;
    private final NotificationQueries queries;
    private final Directory directory;
    private final LiveEvents live;
    private final InAppConfig config;
    private final ObjectMapper json;

    NotificationStore(
            EntityManager entityManager,
            NotificationQueries queries,
            Directory directory,
            LiveEvents live,
            InAppConfig config,
            ObjectMapper json) {
        this.entityManager = entityManager;
        this.queries = queries;
        this.directory = directory;
        this.live = live;
        this.config = config;
        this.json = json;
    }

    /**
     * The entry that now shows the activity, and whether it is news to the user (a new entry or a
     * new actor in a group); empty when the activity makes no notification (own action, blocked or
     * muted actor, erased user, or a fact already notified).
     */
    public record Result(NotificationItem item, boolean news) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Result> notify(Activity a) {
        if (a.actorId() != null && a.actorId().equals(a.recipient())) {
            return Optional.empty();
        }
        if (directory.erased(a.recipient()) || (a.actorId() != null && directory.erased(a.actorId()))) {
            return Optional.empty();
        }
        if (aboutGoneContent(a)) {
            Log.debugf("%s: about content that is gone", a.sourceKey());
            return Optional.empty();
        }
        if (a.actorId() != null && directory.hides(a.recipient(), a.actorId())) {
            Log.debugf("%s does not hear from %s (block or mute)", a.recipient(), a.actorId());
            return Optional.empty();
        }
        if (!firstTime(a.sourceKey())) {
            return Optional.empty();
        }
        long seq = nextSeq(a.recipient());
        UUID id = a.kind().grouped() ? openGroup(a) : null;
        boolean news;
        if (id != null) {
            news = !hasActor(id, a.actorId());
            entityManager
                    .createNativeQuery("""
                            update {h-schema}notification set seq = :seq, updated_at = now(),
                                read = read and not :news, data = data || cast(:data as jsonb)
                            where id = :id""")
                    .setParameter("seq", seq)
                    .setParameter("news", news)
                    .setParameter("data", toJson(a))
                    .setParameter("id", id)
                    .executeUpdate();
        } else {
            id = UUID.randomUUID();
            entityManager
                    .createNativeQuery("""
                            insert into {h-schema}notification (id, user_id, kind, target_kind, target_id, post_id, data, seq)
                            values (:id, :user, :kind, :targetKind, :targetId, :postId, cast(:data as jsonb), :seq)""")
                    .setParameter("id", id)
                    .setParameter("user", a.recipient())
                    .setParameter("kind", a.kind().wireName())
                    .setParameter("targetKind", a.targetKind())
                    .setParameter("targetId", a.targetId())
                    .setParameter("postId", a.postId())
                    .setParameter("data", toJson(a))
                    .setParameter("seq", seq)
                    .executeUpdate();
            news = true;
        }
        if (a.actorId() != null) {
            entityManager
                    .createNativeQuery("""
                            insert into {h-schema}notification_actor (notification_id, actor_id, subject_id, acted_at)
                            values (:id, :actor, :subject, :at) on conflict do nothing""")
                    .setParameter("id", id)
                    .setParameter("actor", a.actorId())
                    .setParameter("subject", a.subjectId() == null ? a.sourceKey() : a.subjectId())
                    .setParameter("at", Timestamp.from(a.at() == null ? Instant.now() : a.at()))
                    .executeUpdate();
        }
        NotificationItem item = queries.item(id).orElseThrow();
        live.notification(a.recipient(), item);
        live.unreadCount(a.recipient(), queries.unreadCount(a.recipient()));
        return Optional.of(new Result(item, news));
    }

    @Transactional
    public boolean markRead(UUID userId, UUID id) {
        int changed = entityManager
                .createNativeQuery("""
                        update {h-schema}notification set read = true where id = :id and user_id = :user""")
                .setParameter("id", id)
                .setParameter("user", userId)
                .executeUpdate();
        if (changed > 0) {
            live.unreadCount(userId, queries.unreadCount(userId));
        }
        return changed > 0;
    }

    @Transactional
    public void markAllRead(UUID userId) {
        entityManager
                .createNativeQuery("update {h-schema}notification set read = true where user_id = :user and not read")
                .setParameter("user", userId)
                .executeUpdate();
        live.unreadCount(userId, 0);
    }

    @Transactional
    public boolean delete(UUID userId, UUID id) {
        int deleted = entityManager
                .createNativeQuery("delete from {h-schema}notification where id = :id and user_id = :user")
                .setParameter("id", id)
                .setParameter("user", userId)
                .executeUpdate();
        if (deleted > 0) {
            live.unreadCount(userId, queries.unreadCount(userId));
        }
        return deleted > 0;
    }

    /** The post is gone or hidden: nothing about it or its comments stays in anyone's list, now or later. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeAboutPost(UUID postId) {
        gone(postId);
        Set<UUID> users = users("select distinct user_id from {h-schema}notification where post_id = :x", postId);
        entityManager
                .createNativeQuery("delete from {h-schema}notification where post_id = :p")
                .setParameter("p", postId)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from {h-schema}notification where target_id = :p")
                .setParameter("p", postId.toString())
                .executeUpdate();
        tellCounts(users);
    }

    /** The comment is gone or hidden: entries about it go, and it leaves the groups it was part of. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeAboutComment(UUID commentId) {
        gone(commentId);
        String id = commentId.toString();
        Set<UUID> users = users("""
                select distinct n.user_id from {h-schema}notification n
                where n.target_id = :x or exists (select 1 from {h-schema}notification_actor a
                    where a.notification_id = n.id and a.subject_id = :x)""", id);
        entityManager
                .createNativeQuery("delete from {h-schema}notification where target_id = :c")
                .setParameter("c", id)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from {h-schema}notification_actor where subject_id = :c")
                .setParameter("c", id)
                .executeUpdate();
        dropEmptyGroups(users);
        tellCounts(users);
    }

    /** A hidden post or comment is shown again: new activity about it notifies again (what was removed stays removed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restored(UUID contentId) {
        entityManager
                .createNativeQuery("delete from {h-schema}gone_content where id = :id")
                .setParameter("id", contentId)
                .executeUpdate();
    }

    private void gone(UUID contentId) {
        entityManager
                .createNativeQuery("insert into {h-schema}gone_content (id) values (:id) on conflict do nothing")
                .setParameter("id", contentId)
                .executeUpdate();
    }

    private boolean aboutGoneContent(Activity a) {
        List<UUID> ids = new ArrayList<>(3);
        if (a.postId() != null) {
            ids.add(a.postId());
        }
        for (String text : new String[] {a.targetId(), a.subjectId()}) {
            if (text != null && text.length() == 36) {
                try {
                    ids.add(UUID.fromString(text));
                } catch (IllegalArgumentException e) {
                    // not a content id
                }
            }
        }
        return !ids.isEmpty()
                && !entityManager
                        .createNativeQuery("select 1 from {h-schema}gone_content where id in (:ids) limit 1")
                        .setParameter("ids", ids)
                        .getResultList()
                        .isEmpty();
    }

    /** After a block or mute: what the actor did leaves the recipient's list. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeActor(UUID recipient, UUID actor) {
        int removed = entityManager
                .createNativeQuery("""
                        delete from {h-schema}notification_actor a using {h-schema}notification n
                        where a.notification_id = n.id and n.user_id = :user and a.actor_id = :actor""")
                .setParameter("user", recipient)
                .setParameter("actor", actor)
                .executeUpdate();
        if (removed > 0) {
            dropEmptyGroups(Set.of(recipient));
            tellCounts(Set.of(recipient));
        }
    }

    /** A deleted account: its notifications, and its part in everyone else's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID userId) {
        Set<UUID> others = users("""
                select distinct n.user_id from {h-schema}notification n join {h-schema}notification_actor a
                    on a.notification_id = n.id where a.actor_id = :x""", userId);
        entityManager
                .createNativeQuery("delete from {h-schema}notification where user_id = :u")
                .setParameter("u", userId)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from {h-schema}notification_actor where actor_id = :u")
                .setParameter("u", userId)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from {h-schema}user_sequence where user_id = :u")
                .setParameter("u", userId)
                .executeUpdate();
        others.remove(userId);
        dropEmptyGroups(others);
        tellCounts(others);
    }

    /** Deletes up to {@code batch} entries whose latest activity is older than the retention; returns how many. */
    @Transactional
    public int purge(Instant before, int batch) {
        int deleted = entityManager
                .createNativeQuery("""
                        delete from {h-schema}notification where id in (
                            select id from {h-schema}notification where updated_at < :before limit :batch
                            for update skip locked)""")
                .setParameter("before", Timestamp.from(before))
                .setParameter("batch", batch)
                .executeUpdate();
        entityManager
                .createNativeQuery("""
                        delete from {h-schema}notification_source where source_key in (
                            select source_key from {h-schema}notification_source where created_at < :before limit :batch
                            for update skip locked)""")
                .setParameter("before", Timestamp.from(before))
                .setParameter("batch", batch)
                .executeUpdate();
        return deleted;
    }

    private void dropEmptyGroups(Set<UUID> users) {
        if (users.isEmpty()) {
            return;
        }
        List<String> kinds = Arrays.stream(NotificationKind.values())
                .filter(NotificationKind::hasActors)
                .map(NotificationKind::wireName)
                .toList();
        entityManager
                .createNativeQuery("""
                        delete from {h-schema}notification n where n.user_id in (:users) and n.kind in (:kinds)
                        and not exists (select 1 from {h-schema}notification_actor a where a.notification_id = n.id)""")
                .setParameter("users", users)
                .setParameter("kinds", kinds)
                .executeUpdate();
    }

    private void tellCounts(Set<UUID> users) {
        for (UUID user : users) {
            live.unreadCount(user, queries.unreadCount(user));
        }
    }

    /** The users a query with one parameter {@code :x} names. */
    private Set<UUID> users(String sql, Object parameter) {
        String name = "x";
        Set<UUID> users = new LinkedHashSet<>();
        for (Object row : entityManager
                .createNativeQuery(sql)
                .setParameter(name, parameter)
                .getResultList()) {
            users.add((UUID) row);
        }
        return users;
    }

    private boolean firstTime(String sourceKey) {
        return entityManager
                        .createNativeQuery("""
                        insert into {h-schema}notification_source (source_key) values (:key) on conflict do nothing""")
                        .setParameter("key", sourceKey)
                        .executeUpdate()
                == 1;
    }

    private long nextSeq(UUID userId) {
        return ((Number) entityManager
                        .createNativeQuery("""
                        insert into {h-schema}user_sequence (user_id, last_seq) values (:user, 1)
                        on conflict (user_id) do update set last_seq = user_sequence.last_seq + 1
                        returning last_seq""")
                        .setParameter("user", userId)
                        .getSingleResult())
                .longValue();
    }

    /** The group this activity joins: same user, kind and target, opened within the window. */
    private UUID openGroup(Activity a) {
        List<?> rows = entityManager
                .createNativeQuery("""
                        select id from {h-schema}notification
                        where user_id = :user and kind = :kind and target_id = :target and created_at >= :since
                        order by created_at desc limit 1""")
                .setParameter("user", a.recipient())
                .setParameter("kind", a.kind().wireName())
                .setParameter("target", a.targetId())
                .setParameter("since", Timestamp.from(Instant.now().minus(config.groupWindow())))
                .getResultList();
        return rows.isEmpty() ? null : (UUID) rows.get(0);
    }

    private boolean hasActor(UUID id, UUID actor) {
        if (actor == null) {
            return true;
        }
        return !entityManager
                .createNativeQuery("""
                        select 1 from {h-schema}notification_actor where notification_id = :id and actor_id = :actor limit 1""")
                .setParameter("id", id)
                .setParameter("actor", actor)
                .getResultList()
                .isEmpty();
    }

    private String toJson(Activity a) {
        try {
            return json.writeValueAsString(a.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification data cannot be written", e);
        }
    }
}
