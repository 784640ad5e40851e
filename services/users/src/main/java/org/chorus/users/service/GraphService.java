package org.chorus.users.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;

/** Questions over the whole friendship graph, answered in SQL on the two-row friendship table. */
@ApplicationScoped
public class GraphService {

    private final EntityManager em;
    private final ProfileService profiles;

    GraphService(EntityManager em, ProfileService profiles) {
        this.em = em;
        this.profiles = profiles;
    }

    /**
     * Friends the caller and another user have in common, by id (keyset on the id). Hidden
     * profiles and anyone a block separates from the caller are left out.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Slice<UserCard> mutual(UUID caller, UUID other, UUID afterId, int limit) {
        if (caller.equals(other) || !profiles.visibleTo(caller, other)) {
            throw ProblemException.notFound("User");
        }
        Query query = em.createNativeQuery("""
                        select p.id, p.username, p.display_name, cast(null as timestamptz)
                        from friendship a
                        join friendship b on b.friend_id = a.friend_id and b.user_id = :other
                        join profile p on p.id = a.friend_id
                        where a.user_id = :me and not p.hidden
                          and not exists (select 1 from user_block x
                                          where (x.blocker_id = :me and x.blocked_id = p.id)
                                             or (x.blocker_id = p.id and x.blocked_id = :me))
                        """ + (afterId != null ? " and a.friend_id > :after" : "") + " order by a.friend_id")
                .setParameter("me", caller).setParameter("other", other).setMaxResults(limit + 1);
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        List<UserCard> cards = new ArrayList<>(((List<Object[]>) query.getResultList()).stream().map(Rows::card).toList());
        KeysetCursor next = null;
        if (cards.size() > limit) {
            cards.remove(limit);
            next = new KeysetCursor(java.time.Instant.EPOCH, cards.get(limit - 1).id());
        }
        return new Slice<>(cards, next);
    }

    /**
     * The statement of {@link #suggestions}: parameters {@code :me}, and with a cursor {@code :afterMutual} and
     * {@code :afterId}. Public for the benchmark, which checks that PostgreSQL settles on its generic plan.
     */
    public static String suggestionsSql(boolean withCursor, int limit) {
        return """
                select p.id, p.username, p.display_name, c.mutual
                from friend_candidate c
                join profile p on p.id = c.candidate_id
                where c.user_id = :me and not p.hidden
                """ + (withCursor
                // "mutual <= :m" is an index condition (a seek into the rank index); the rest breaks ties
                ? " and c.mutual <= :afterMutual and (c.mutual < :afterMutual or c.candidate_id > :afterId)" : "")
                // no anti-join on friendship: friend_candidate never holds a pair of friends (V5's invariant,
                // kept in the friendship's own transaction under both users' locks by SuggestionIndex and
                // checked after every kind of change by SuggestionIndexTest), so it could never remove a row
                + """
                  and not exists (select 1 from friend_request r
                                  where (r.from_user_id = :me and r.to_user_id = c.candidate_id)
                                     or (r.from_user_id = c.candidate_id and r.to_user_id = :me))
                  and not exists (select 1 from user_block b
                                  where (b.blocker_id = :me and b.blocked_id = c.candidate_id)
                                     or (b.blocker_id = c.candidate_id and b.blocked_id = :me))
                  and not exists (select 1 from user_mute m where m.muter_id = :me and m.muted_id = c.candidate_id)
                order by c.mutual desc, c.candidate_id
                """
                // the page size written into the statement, not bound (setMaxResults binds it): with a
                // bound limit PostgreSQL costs the generic plan for 10 % of a user's candidates, finds it
                // dearer than the custom plans and re-plans every execution (~0.5 ms at 1,000,000 friendships);
                // with a literal it takes the generic plan after five runs (GraphBenchmark reports it per size)
                + "fetch first " + (limit + 1) + " rows only";
    }

    /** Where the next page of suggestions starts: after (mutual, id) in (mutual desc, id asc) order. */
    public record SuggestionAfter(long mutual, UUID id) {
    }

    public record Suggestions(List<Suggestion> items, SuggestionAfter next) {
    }

    /**
     * People you may know: friends of friends ranked by the number of friends in common, then id (a
     * stable order for the keyset cursor); never the caller, a friend, anyone with a pending request
     * either way, anyone a block separates from the caller, anyone the caller muted, or a suspended
     * profile (friends are never in the table, see below). Candidates and counts come precomputed from
     * {@code friend_candidate} (SuggestionIndex), read in index order, so a page costs about {@code limit} rows
     * however large the graph is.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Suggestions suggestions(UUID caller, SuggestionAfter after, int limit) {
        Query query = em.createNativeQuery(suggestionsSql(after != null, limit)).setParameter("me", caller);
        if (after != null) {
            query.setParameter("afterMutual", (int) Math.min(after.mutual(), Integer.MAX_VALUE))
                    .setParameter("afterId", after.id());
        }
        List<Suggestion> items = new ArrayList<>(((List<Object[]>) query.getResultList()).stream().map(r -> {
            UUID id = Rows.uuid(r[0]);
            return new Suggestion(id, (String) r[1], (String) r[2], UserCard.avatarUrl(id), ((Number) r[3]).longValue());
        }).toList());
        SuggestionAfter next = null;
        if (items.size() > limit) {
            items.remove(limit);
            Suggestion last = items.get(limit - 1);
            next = new SuggestionAfter(last.mutualFriends(), last.id());
        }
        return new Suggestions(items, next);
    }
}
