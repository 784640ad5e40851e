package org.chorus.users.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Yes/no questions about how two users are connected; every visibility rule asks these. */
@ApplicationScoped
public class Relations {

    private final EntityManager em;

    Relations(EntityManager em) {
        this.em = em;
    }

    public boolean areFriends(UUID a, UUID b) {
        return exists("select 1 from friendship where user_id = :a and friend_id = :b", a, b);
    }

    /** A block in either direction hides both users from each other. */
    public boolean blockedEitherWay(UUID a, UUID b) {
        return exists("""
                select 1 from user_block
                where (blocker_id = :a and blocked_id = :b) or (blocker_id = :b and blocked_id = :a)""", a, b);
    }

    public boolean blocked(UUID blocker, UUID blocked) {
        return exists("select 1 from user_block where blocker_id = :a and blocked_id = :b", blocker, blocked);
    }

    public boolean muted(UUID muter, UUID muted) {
        return exists("select 1 from user_mute where muter_id = :a and muted_id = :b", muter, muted);
    }

    /** Pending request in either direction. */
    public boolean requestPendingEitherWay(UUID a, UUID b) {
        return exists("""
                select 1 from friend_request
                where (from_user_id = :a and to_user_id = :b) or (from_user_id = :b and to_user_id = :a)""", a, b);
    }

    private boolean exists(String sql, UUID a, UUID b) {
        return !em.createNativeQuery(sql)
                .setParameter("a", a)
                .setParameter("b", b)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
