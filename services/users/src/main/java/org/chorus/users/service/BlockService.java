package org.chorus.users.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.users.UserBlocked;
import org.chorus.events.users.UserMuted;
import org.chorus.events.users.UserUnblocked;
import org.chorus.events.users.UserUnmuted;
import org.chorus.outbox.Outbox;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;

/**
 * Blocks (both users hidden from each other; friendship and pending requests end) and mutes (the
 * muted user is hidden from the muter only). PUT and DELETE are idempotent for the caller's own
 * entries; events are published only when something changed.
 */
@ApplicationScoped
public class BlockService {

    private final EntityManager em;
    private final ProfileService profiles;
    private final FriendService friends;
    private final Relations relations;
    private final Outbox outbox;

    BlockService(EntityManager em, ProfileService profiles, FriendService friends, Relations relations,
                 Outbox outbox) {
        this.em = em;
        this.profiles = profiles;
        this.friends = friends;
        this.relations = relations;
        this.outbox = outbox;
    }

    @Transactional
    public void block(UUID caller, UUID target) {
        profiles.requireOwn(caller);
        if (caller.equals(target)) {
            throw ProblemException.badRequest("self-block", "You cannot block yourself");
        }
        // repeating my own block is fine; otherwise the target must be someone I may know exists
        if (relations.blocked(caller, target)) {
            return;
        }
        if (!profiles.visibleTo(caller, target)) {
            throw ProblemException.notFound("User");
        }
        Instant now = Instant.now();
        em.createNativeQuery("""
                        insert into user_block (blocker_id, blocked_id, created_at) values (:a, :b, :at)
                        on conflict do nothing""")
                .setParameter("a", caller).setParameter("b", target).setParameter("at", now).executeUpdate();
        friends.removeFriendship(caller, target);
        em.createNativeQuery("""
                        delete from friend_request
                        where (from_user_id = :a and to_user_id = :b) or (from_user_id = :b and to_user_id = :a)""")
                .setParameter("a", caller).setParameter("b", target).executeUpdate();
        outbox.publish(Events.USER_BLOCKED, caller, new UserBlocked(caller, target, now));
    }

    @Transactional
    public void unblock(UUID caller, UUID target) {
        int deleted = em.createNativeQuery("delete from user_block where blocker_id = :a and blocked_id = :b")
                .setParameter("a", caller).setParameter("b", target).executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound("Block");
        }
        outbox.publish(Events.USER_UNBLOCKED, caller, new UserUnblocked(caller, target, Instant.now()));
    }

    @Transactional
    public void mute(UUID caller, UUID target) {
        profiles.requireOwn(caller);
        if (caller.equals(target)) {
            throw ProblemException.badRequest("self-mute", "You cannot mute yourself");
        }
        if (relations.muted(caller, target)) {
            return;
        }
        if (!profiles.visibleTo(caller, target)) {
            throw ProblemException.notFound("User");
        }
        Instant now = Instant.now();
        em.createNativeQuery("""
                        insert into user_mute (muter_id, muted_id, created_at) values (:a, :b, :at)
                        on conflict do nothing""")
                .setParameter("a", caller).setParameter("b", target).setParameter("at", now).executeUpdate();
        outbox.publish(Events.USER_MUTED, caller, new UserMuted(caller, target, now));
    }

    @Transactional
    public void unmute(UUID caller, UUID target) {
        int deleted = em.createNativeQuery("delete from user_mute where muter_id = :a and muted_id = :b")
                .setParameter("a", caller).setParameter("b", target).executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound("Mute");
        }
        outbox.publish(Events.USER_UNMUTED, caller, new UserUnmuted(caller, target, Instant.now()));
    }

    /** Whom I blocked (I see them here so that I can unblock them). */
    @Transactional
    public Slice<UserCard> blocks(UUID caller, KeysetCursor after, int limit) {
        return Keyset.cards(em, """
                        select p.id, p.username, p.display_name, b.created_at
                        from user_block b join profile p on p.id = b.blocked_id
                        where b.blocker_id = :me""",
                "b.created_at", "b.blocked_id", Map.of("me", caller), after, limit);
    }

    @Transactional
    public Slice<UserCard> mutes(UUID caller, KeysetCursor after, int limit) {
        return Keyset.cards(em, """
                        select p.id, p.username, p.display_name, m.created_at
                        from user_mute m join profile p on p.id = m.muted_id
                        where m.muter_id = :me""",
                "m.created_at", "m.muted_id", Map.of("me", caller), after, limit);
    }
}
