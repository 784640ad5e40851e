package org.chorus.users.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import org.chorus.web.Slice;

/**
 * Presence from client heartbeats. Each heartbeat, from any of the user's devices, refreshes
 * {@code users:online:<user>} with a short TTL: a user is online while any device keeps beating, and a
 * crashed client drops offline by expiry — never "online forever". Nothing is kept per device, because
 * nothing reads it. Reading friends' presence is one MGET over the per-user keys, one round trip however
 * many friends.
 */
@ApplicationScoped
public class PresenceService {

    static final Duration TTL = Duration.ofSeconds(60);

    /** A friend's presence; {@code lastSeenAt} is their latest heartbeat while online, else null. */
    public record FriendPresence(UUID userId, boolean online, Instant lastSeenAt) {
    }

    private final ValueCommands<String, String> values;
    private final EntityManager em;
    private final ProfileService profiles;

    PresenceService(RedisDataSource redis, EntityManager em, ProfileService profiles) {
        this.values = redis.value(String.class);
        this.em = em;
        this.profiles = profiles;
    }

    static String onlineKey(UUID user) {
        return "users:online:" + user;
    }

    @Transactional
    public void heartbeat(UUID user) {
        profiles.requireOwn(user);
        String now = Long.toString(Instant.now().getEpochSecond());
        try {
            values.set(onlineKey(user), now, new SetArgs().ex(TTL));
        } catch (RuntimeException e) {
            Log.warnf("presence heartbeat of %s not recorded: %s", user, e.getMessage());
            throw new ProblemException(503, "presence-unavailable", "Service unavailable",
                    "Presence is unavailable right now; try again shortly");
        }
    }

    /**
     * A page of my friends (by id) with their presence: one MGET for the page, whatever its size. Bounded
     * like every list, so a user with thousands of friends asks page by page.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Slice<FriendPresence> friends(UUID caller, UUID afterId, int limit) {
        var query = em.createNativeQuery("""
                        select f.friend_id from friendship f join profile p on p.id = f.friend_id
                        where f.user_id = :me and not p.hidden""" + (afterId != null ? " and f.friend_id > :after" : "")
                        + " order by f.friend_id")
                .setParameter("me", caller).setMaxResults(limit + 1);
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        List<UUID> friends = new ArrayList<>(((List<Object>) query.getResultList()).stream().map(Rows::uuid).toList());
        KeysetCursor next = null;
        if (friends.size() > limit) {
            friends.remove(limit);
            next = new KeysetCursor(Instant.EPOCH, friends.get(limit - 1));
        }
        if (friends.isEmpty()) {
            return new Slice<>(List.of(), null);
        }
        Map<String, String> seen;
        try {
            seen = values.mget(friends.stream().map(PresenceService::onlineKey).toArray(String[]::new));
        } catch (RuntimeException e) {
            Log.warnf("presence of %s's friends not readable: %s", caller, e.getMessage());
            throw new ProblemException(503, "presence-unavailable", "Service unavailable",
                    "Presence is unavailable right now; try again shortly");
        }
        List<FriendPresence> result = new ArrayList<>(friends.size());
        for (UUID friend : friends) {
            String at = seen.get(onlineKey(friend));
            result.add(at == null ? new FriendPresence(friend, false, null)
                    : new FriendPresence(friend, true, Instant.ofEpochSecond(Long.parseLong(at))));
        }
        return new Slice<>(result, next);
    }
}
