package org.chorus.users.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.users.support.TestUsers;
import org.chorus.web.ProblemException;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The precomputed friends-of-friends table must always equal its definition, computed from the
 * friendship rows: after every kind of graph change (accept, unfriend, block, account erased).
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SuggestionIndexTest {

    @Inject
    FriendService friends;

    @Inject
    BlockService blocks;

    @Inject
    ProfileService profiles;

    @Inject
    EntityManager em;

    @Test
    void precomputedCandidatesEqualFriendsOfFriendsAfterRandomAcceptsUnfriendsBlocksAndErasures() {
        Random random = new Random(20261123);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            UUID id = UUID.randomUUID();
            users.add(id);
            QuarkusTransaction.requiringNew().run(() -> profiles.create(id, TestUsers.randomUsername(), Instant.now()));
        }
        List<UUID> alive = new ArrayList<>(users);
        int accepted = 0;
        int removed = 0;
        int erased = 0;
        for (int step = 0; step < 120; step++) {
            UUID a = alive.get(random.nextInt(alive.size()));
            UUID b = alive.get(random.nextInt(alive.size()));
            if (a.equals(b)) {
                continue;
            }
            int op = random.nextInt(100);
            try {
                if (op < 65) {
                    FriendRequestView request = friends.send(a, b);
                    friends.accept(b, request.id());
                    accepted++;
                } else if (op < 85) {
                    friends.unfriend(a, b);
                    removed++;
                } else if (op < 95) {
                    blocks.block(a, b);
                    blocks.unblock(a, b);
                    removed++;
                } else if (alive.size() > 8) {
                    QuarkusTransaction.requiringNew().run(() -> profiles.erase(a));
                    alive.remove(a);
                    erased++;
                }
            } catch (ProblemException expected) {
                // already friends, not friends, pending: the graph did not change, which is fine
            }
            assertEquals(definition(users), precomputed(users), "after step " + step);
        }
        // the walk really exercised every kind of change
        assertFalse(
                accepted < 20 || removed < 5 || erased < 1,
                "accepted " + accepted + ", removed " + removed + ", erased " + erased);
        assertFalse(precomputed(users).isEmpty(), "the final graph has friends of friends");
    }

    @Test
    void concurrentAcceptsThroughTheSameFriendLoseNoCount() throws Exception {
        // twelve people accept friendship with one hub at the same time: each pair of them then shares the hub,
        // which only holds if every accept sees the others' committed friendships (the profile locks)
        UUID hub = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> profiles.create(hub, TestUsers.randomUsername(), Instant.now()));
        List<UUID> users = new ArrayList<>(List.of(hub));
        List<UUID> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            users.add(id);
            QuarkusTransaction.requiringNew().run(() -> profiles.create(id, TestUsers.randomUsername(), Instant.now()));
            requests.add(friends.send(id, hub).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<UserCard>> accepted = new ArrayList<>();
            for (UUID request : requests) {
                accepted.add(pool.submit(() -> friends.accept(hub, request)));
            }
            for (Future<UserCard> f : accepted) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> expected = definition(users);
        assertEquals(12 * 11, expected.size(), "every two of the twelve share the hub");
        assertEquals(expected, precomputed(users));
    }

    /** (user, candidate) → friends in common, straight from the friendship rows. */
    private Map<String, Long> definition(List<UUID> users) {
        return rows("""
                select a.friend_id, b.friend_id, count(*)
                from friendship a join friendship b on b.user_id = a.user_id and b.friend_id <> a.friend_id
                where a.friend_id in (:users)
                  and not exists (select 1 from friendship z where z.user_id = a.friend_id and z.friend_id = b.friend_id)
                group by a.friend_id, b.friend_id""", users);
    }

    private Map<String, Long> precomputed(List<UUID> users) {
        return rows(
                "select user_id, candidate_id, mutual from friend_candidate "
                        + "where user_id in (:users) or candidate_id in (:users)",
                users);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> rows(String sql, List<UUID> users) {
        Map<String, Long> result = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] r : (List<Object[]>)
                    em.createNativeQuery(sql).setParameter("users", users).getResultList()) {
                result.put(r[0] + "→" + r[1], ((Number) r[2]).longValue());
            }
        });
        return result;
    }
}
