package org.chorus.notifications.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * The cluster-wide per-user cap on open streams. Every open stream of every replica is a member of
 * the user's sorted set {@code notifications:streams:<userId>}, scored by the end of its lease;
 * the member's name starts with the (Redis clock) time it was opened, so "oldest" is the same for
 * every replica. Registering is one Lua script — drop expired leases, add, evict the oldest beyond
 * the cap and publish each evicted member on {@value #EVICTIONS_CHANNEL} — so two replicas opening
 * at once never both stay under the cap. Each replica renews its streams' leases every third of the
 * lease; a replica that crashed stops renewing, and its streams stop counting when their lease ends.
 */
class StreamRegistry {

    static final String PREFIX = "notifications:streams:";
    /** The member names of evicted streams; the replica holding one closes it ({@code too-many-streams}). */
    static final String EVICTIONS_CHANNEL = "notifications:stream-evictions";

    // KEYS[1] the user's set; ARGV: replica, cap, lease ms, channel, local id. Returns {member, evicted...}.
    private static final String REGISTER = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local lease = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            local member = string.format('%015d', now) .. ':' .. ARGV[1] .. ':' .. ARGV[5]
            redis.call('ZADD', KEYS[1], now + lease, member)
            redis.call('PEXPIRE', KEYS[1], lease)
            local result = { member }
            local cap = tonumber(ARGV[2])
            local members = redis.call('ZRANGE', KEYS[1], 0, -1)
            if #members > cap then
              table.sort(members)
              for i = 1, #members - cap do
                redis.call('ZREM', KEYS[1], members[i])
                redis.call('PUBLISH', ARGV[4], members[i])
                result[#result + 1] = members[i]
              end
            end
            return result
            """;

    // KEYS: the users' sets; ARGV[1] lease ms, ARGV[1 + i] the member in KEYS[i]. Returns the indexes
    // (1-based) of members that were evicted meanwhile (gone from a set that still exists). A set that
    // is gone altogether (Redis restarted empty) gets its member back.
    private static final String RENEW = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local lease = tonumber(ARGV[1])
            local evicted = {}
            for i = 1, #KEYS do
              local member = ARGV[i + 1]
              if redis.call('ZSCORE', KEYS[i], member) then
                redis.call('ZADD', KEYS[i], now + lease, member)
                redis.call('PEXPIRE', KEYS[i], lease)
              elseif redis.call('EXISTS', KEYS[i]) == 1 then
                evicted[#evicted + 1] = i
              else
                redis.call('ZADD', KEYS[i], now + lease, member)
                redis.call('PEXPIRE', KEYS[i], lease)
              end
            end
            return evicted
            """;

    private static final int RENEW_BATCH = 500;

    private final AtomicLong ids = new AtomicLong();
    private final ReactiveRedisDataSource redis;
    private final String replica;
    private final int cap;
    private final Duration lease;

    StreamRegistry(ReactiveRedisDataSource redis, String replica, int cap, Duration lease) {
        this.redis = redis;
        this.replica = replica;
        this.cap = cap;
        this.lease = lease;
    }

    record Registered(String member, List<String> evicted) {}

    /** Adds a stream of the user; the members evicted to stay within the cap were published already. */
    Uni<Registered> register(UUID userId) {
        return redis.execute(
                        "EVAL",
                        REGISTER,
                        "1",
                        PREFIX + userId,
                        replica,
                        Integer.toString(cap),
                        Long.toString(lease.toMillis()),
                        EVICTIONS_CHANNEL,
                        Long.toString(ids.incrementAndGet()))
                .map(response -> {
                    List<String> evicted = new ArrayList<>();
                    for (int i = 1; i < response.size(); i++) {
                        evicted.add(response.get(i).toString());
                    }
                    return new Registered(response.get(0).toString(), evicted);
                });
    }

    Uni<Void> unregister(UUID userId, String member) {
        return redis.execute("ZREM", PREFIX + userId, member).replaceWithVoid();
    }

    /** Renews the leases of these streams; returns the ones evicted meanwhile (an eviction message was missed). */
    Uni<List<Integer>> renew(List<UUID> userIds, List<String> members) {
        List<Uni<List<Integer>>> batches = new ArrayList<>();
        for (int from = 0; from < members.size(); from += RENEW_BATCH) {
            int to = Math.min(members.size(), from + RENEW_BATCH);
            int offset = from;
            List<String> args = new ArrayList<>();
            args.add(RENEW);
            args.add(Integer.toString(to - from));
            for (int i = from; i < to; i++) {
                args.add(PREFIX + userIds.get(i));
            }
            args.add(Long.toString(lease.toMillis()));
            args.addAll(members.subList(from, to));
            batches.add(redis.execute("EVAL", args.toArray(String[]::new)).map(response -> {
                List<Integer> evicted = new ArrayList<>();
                for (Response r : response) {
                    evicted.add(offset + r.toInteger() - 1);
                }
                return evicted;
            }));
        }
        if (batches.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(batches).andFailFast().map(lists -> {
            List<Integer> all = new ArrayList<>();
            lists.forEach(all::addAll);
            return all;
        });
    }

    String replica() {
        return replica;
    }
}
