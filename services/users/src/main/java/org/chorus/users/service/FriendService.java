package org.chorus.users.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.users.FriendRequestSent;
import org.chorus.events.users.FriendshipCreated;
import org.chorus.events.users.FriendshipRemoved;
import org.chorus.outbox.Outbox;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Timestamps;
import org.chorus.web.Slice;

/** Friend requests and friendships. A friendship is two directed rows, written and removed together. */
@ApplicationScoped
public class FriendService {

    private final EntityManager em;
    private final Relations relations;
    private final ProfileService profiles;
    private final Outbox outbox;
    private final SuggestionIndex suggestions;

    FriendService(EntityManager em, Relations relations, ProfileService profiles, Outbox outbox,
                  SuggestionIndex suggestions) {
        this.em = em;
        this.relations = relations;
        this.profiles = profiles;
        this.outbox = outbox;
        this.suggestions = suggestions;
    }

    @Transactional
    public FriendRequestView send(UUID from, UUID to) {
        profiles.requireOwn(from);
        if (from.equals(to)) {
            throw ProblemException.badRequest("self-friend-request", "You cannot send a friend request to yourself");
        }
        if (!profiles.visibleTo(from, to)) {
            // unknown, suspended or blocked either way: the caller must not learn which
            throw ProblemException.notFound("User");
        }
        if (relations.areFriends(from, to)) {
            throw ProblemException.conflict("already-friends", "You are already friends");
        }
        if (relations.requestPendingEitherWay(from, to)) {
            throw ProblemException.conflict("friend-request-pending", "A friend request between you is already pending");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                        insert into friend_request (id, from_user_id, to_user_id, created_at)
                        values (:id, :from, :to, :at) on conflict do nothing""")
                .setParameter("id", id).setParameter("from", from).setParameter("to", to).setParameter("at", now)
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("friend-request-pending", "A friend request between you is already pending");
        }
        outbox.publish(Events.FRIEND_REQUEST_SENT, to, new FriendRequestSent(id, from, to, now));
        return new FriendRequestView(id, from, to, now, card(to, now));
    }

    /** Only the sender cancels; for anyone else the request does not exist. */
    @Transactional
    public void cancel(UUID caller, UUID requestId) {
        int deleted = em.createNativeQuery("delete from friend_request where id = :id and from_user_id = :caller")
                .setParameter("id", requestId).setParameter("caller", caller).executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound("Friend request");
        }
    }

    /** Only the recipient declines; the sender is not told (no event). */
    @Transactional
    public void decline(UUID caller, UUID requestId) {
        int deleted = em.createNativeQuery("delete from friend_request where id = :id and to_user_id = :caller")
                .setParameter("id", requestId).setParameter("caller", caller).executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound("Friend request");
        }
    }

    /** Only the recipient accepts: the request becomes a friendship (two rows) and friendship-created. */
    @Transactional
    public UserCard accept(UUID caller, UUID requestId) {
        UUID sender = pendingSender(caller, requestId, false);
        // graph changes lock both users before anything else (see SuggestionIndex), then the request
        suggestions.lock(caller, sender);
        if (!sender.equals(pendingSender(caller, requestId, true))) {
            throw ProblemException.notFound("Friend request");
        }
        em.createNativeQuery("delete from friend_request where id = :id").setParameter("id", requestId).executeUpdate();
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                        insert into friendship (user_id, friend_id, created_at)
                        values (:a, :b, :at), (:b, :a, :at) on conflict do nothing""")
                .setParameter("a", caller).setParameter("b", sender).setParameter("at", now).executeUpdate();
        if (inserted == 2) {
            suggestions.friendshipCreated(caller, sender);
        }
        outbox.publish(Events.FRIENDSHIP_CREATED, caller, new FriendshipCreated(caller, sender, now));
        return card(sender, now);
    }

    /** The sender of a request pending for the caller; 404 when there is none (or it is someone else's). */
    private UUID pendingSender(UUID caller, UUID requestId, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object> senders = em.createNativeQuery(
                        "select from_user_id from friend_request where id = :id and to_user_id = :caller"
                                + (lock ? " for update" : ""))
                .setParameter("id", requestId).setParameter("caller", caller).getResultList();
        if (senders.isEmpty()) {
            throw ProblemException.notFound("Friend request");
        }
        return Rows.uuid(senders.get(0));
    }

    @Transactional
    public void unfriend(UUID caller, UUID friend) {
        if (!removeFriendship(caller, friend)) {
            throw ProblemException.notFound("Friend");
        }
    }

    /** Removes both rows and tells others; false when there was no friendship. Joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean removeFriendship(UUID caller, UUID friend) {
        suggestions.lock(caller, friend);
        int deleted = em.createNativeQuery("""
                        delete from friendship
                        where (user_id = :a and friend_id = :b) or (user_id = :b and friend_id = :a)""")
                .setParameter("a", caller).setParameter("b", friend).executeUpdate();
        if (deleted == 0) {
            return false;
        }
        suggestions.friendshipRemoved(caller, friend);
        outbox.publish(Events.FRIENDSHIP_REMOVED, caller, new FriendshipRemoved(caller, friend, Instant.now()));
        return true;
    }

    @Transactional
    public Slice<UserCard> friends(UUID caller, KeysetCursor after, int limit) {
        return Keyset.cards(em, """
                        select p.id, p.username, p.display_name, f.created_at
                        from friendship f join profile p on p.id = f.friend_id
                        where f.user_id = :me and not p.hidden""",
                "f.created_at", "f.friend_id", Map.of("me", caller), after, limit);
    }

    @Transactional
    public Slice<FriendRequestView> incoming(UUID caller, KeysetCursor after, int limit) {
        return requests(caller, "r.to_user_id", "r.from_user_id", after, limit);
    }

    @Transactional
    public Slice<FriendRequestView> outgoing(UUID caller, KeysetCursor after, int limit) {
        return requests(caller, "r.from_user_id", "r.to_user_id", after, limit);
    }

    private Slice<FriendRequestView> requests(UUID caller, String mine, String other, KeysetCursor after, int limit) {
        return Keyset.page(em, "select p.id, p.username, p.display_name, r.created_at, r.id, r.from_user_id, "
                        + "r.to_user_id from friend_request r join profile p on p.id = " + other
                        + " where " + mine + " = :me and not p.hidden",
                "r.created_at", other, Map.of("me", caller), after, limit,
                row -> new FriendRequestView(Rows.uuid(row[4]), Rows.uuid(row[5]), Rows.uuid(row[6]),
                        Timestamps.instant(row[3]), Rows.card(row)),
                v -> new KeysetCursor(v.createdAt(), v.user().id()));
    }

    private UserCard card(UUID id, Instant since) {
        return profiles.find(id).map(p -> new UserCard(p.id, p.username, p.displayName, UserCard.avatarUrl(p.id), since))
                .orElseThrow(() -> ProblemException.notFound("User"));
    }
}
