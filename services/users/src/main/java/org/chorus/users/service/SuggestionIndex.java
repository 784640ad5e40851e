package org.chorus.users.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps {@code friend_candidate} (friends of friends and their mutual-friend counts) exact, inside the
 * transaction that changes a friendship. Adding or removing the friendship a–b changes only the pairs
 * (a, x) for x a friend of b and (b, y) for y a friend of a (and their mirrors), so each change costs
 * O(friends of a + friends of b) index writes; reading suggestions then never expands the graph.
 *
 * <p>Two changes that touch the same pair always share a user, so callers first {@link #lock} both
 * users' profile rows: under READ COMMITTED the second change then sees the first one's friendship
 * rows and no increment is lost.
 */
@ApplicationScoped
public class SuggestionIndex {

    /** (u, v) pairs whose count moves when a–b changes: each friend x of b (other than a) with a, and mirrors. */
    private static final String PAIRS = """
            select cast(:a as uuid) as u, f.friend_id as v from friendship f where f.user_id = :b and f.friend_id <> :a
            union all
            select f.friend_id, cast(:a as uuid) from friendship f where f.user_id = :b and f.friend_id <> :a
            union all
            select cast(:b as uuid), f.friend_id from friendship f where f.user_id = :a and f.friend_id <> :b
            union all
            select f.friend_id, cast(:b as uuid) from friendship f where f.user_id = :a and f.friend_id <> :b
            """;

    private final EntityManager em;

    SuggestionIndex(EntityManager em) {
        this.em = em;
    }

    /** Serialises graph changes that involve either user (row locks on both profiles, in id order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID a, UUID b) {
        em.createNativeQuery("select id from profile where id in (:a, :b) order by id for no key update")
                .setParameter("a", a)
                .setParameter("b", b)
                .getResultList();
    }

    /**
     * Before an account is erased: locks it and all its friends, in the same id order as {@link #lock}, so a
     * friend accepting or ending another friendship meanwhile waits and cannot count the erased user.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockWithFriends(UUID user) {
        em.createNativeQuery("""
                        select id from profile
                        where id = :u or id in (select friend_id from friendship where user_id = :u)
                        order by id for no key update""").setParameter("u", user).getResultList();
    }

    /** Call after both friendship rows of a–b were inserted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void friendshipCreated(UUID a, UUID b) {
        // friends are never suggested to each other
        em.createNativeQuery("""
                        delete from friend_candidate
                        where (user_id = :a and candidate_id = :b) or (user_id = :b and candidate_id = :a)""").setParameter("a", a).setParameter("b", b).executeUpdate();
        // b is now a friend in common of a and each of b's friends (and a of b and a's friends), unless they
        // are friends themselves; the four parts of PAIRS never yield the same pair twice
        em.createNativeQuery("insert into friend_candidate (user_id, candidate_id, mutual) select p.u, p.v, 1 from ("
                        + PAIRS
                        + ") p where not exists (select 1 from friendship z where z.user_id = p.u and z.friend_id = p.v)"
                        + " on conflict (user_id, candidate_id) do update set mutual = friend_candidate.mutual + 1")
                .setParameter("a", a)
                .setParameter("b", b)
                .executeUpdate();
    }

    /** Call after both friendship rows of a–b were deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void friendshipRemoved(UUID a, UUID b) {
        // rows exist only for pairs that are not friends, so the joins skip friend pairs by themselves; a pair
        // that loses its last friend in common goes, the others count one less (mutual > 0 always holds)
        em.createNativeQuery("delete from friend_candidate c using (" + PAIRS
                        + ") p where c.user_id = p.u and c.candidate_id = p.v and c.mutual = 1")
                .setParameter("a", a)
                .setParameter("b", b)
                .executeUpdate();
        em.createNativeQuery("update friend_candidate c set mutual = c.mutual - 1 from (" + PAIRS
                        + ") p where c.user_id = p.u and c.candidate_id = p.v")
                .setParameter("a", a)
                .setParameter("b", b)
                .executeUpdate();
        // a and b are no longer friends: they become candidates of each other if they still share friends
        em.createNativeQuery("""
                        insert into friend_candidate (user_id, candidate_id, mutual)
                        select pair.u, pair.v, m.n
                        from (select count(*) as n from friendship x
                              join friendship y on y.user_id = :b and y.friend_id = x.friend_id
                              where x.user_id = :a) m
                        cross join (values (cast(:a as uuid), cast(:b as uuid)), (cast(:b as uuid), cast(:a as uuid))) pair (u, v)
                        where m.n > 0
                        on conflict (user_id, candidate_id) do update set mutual = excluded.mutual""").setParameter("a", a).setParameter("b", b).executeUpdate();
    }

    /**
     * Call before the profile of {@code gone} is deleted (its friendships go with it by cascade): every two
     * of its friends lose it as a friend in common, and the mirror rows naming it as a candidate go.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void userErasing(UUID gone) {
        em.createNativeQuery("""
                        delete from friend_candidate c
                        using friendship f1 join friendship f2 on f2.user_id = f1.user_id and f2.friend_id <> f1.friend_id
                        where f1.user_id = :gone and c.user_id = f1.friend_id and c.candidate_id = f2.friend_id
                          and c.mutual = 1""").setParameter("gone", gone).executeUpdate();
        em.createNativeQuery("""
                        update friend_candidate c set mutual = c.mutual - 1
                        from friendship f1 join friendship f2 on f2.user_id = f1.user_id and f2.friend_id <> f1.friend_id
                        where f1.user_id = :gone and c.user_id = f1.friend_id and c.candidate_id = f2.friend_id""").setParameter("gone", gone).executeUpdate();
        em.createNativeQuery("""
                        delete from friend_candidate c using friend_candidate m
                        where m.user_id = :gone and c.user_id = m.candidate_id and c.candidate_id = :gone""").setParameter("gone", gone).executeUpdate();
    }
}
