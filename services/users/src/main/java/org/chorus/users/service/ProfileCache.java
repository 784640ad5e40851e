package org.chorus.users.service;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * Cache-aside for profile rows in Redis ({@code users:profile:<id>}, 5 minutes). PostgreSQL stays
 * the only copy: every Redis failure is logged and treated as a miss, so reads fall back to the
 * database and still succeed (fail open). Changes evict the entry after their transaction commits;
 * if that eviction fails the entry is stale for at most the TTL.
 */
@ApplicationScoped
public class ProfileCache {

    static final Duration TTL = Duration.ofMinutes(5);

    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;
    private final ObjectMapper json;
    private final Event<Changed> changes;

    ProfileCache(@RedisClientName("cache") RedisDataSource redis, ObjectMapper json, Event<Changed> changes) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.json = json;
        this.changes = changes;
    }

    /** A profile row changed in the current transaction: its cache entry goes once that transaction commits. */
    public record Changed(UUID id) {}

    static String key(UUID id) {
        return "users:profile:" + id;
    }

    Optional<ProfileSnapshot> get(UUID id) {
        try {
            String cached = values.get(key(id));
            return cached == null ? Optional.empty() : Optional.of(json.readValue(cached, ProfileSnapshot.class));
        } catch (Exception e) {
            Log.warnf("profile cache read failed, reading PostgreSQL instead: %s", e.getMessage());
            return Optional.empty();
        }
    }

    void put(ProfileSnapshot profile) {
        try {
            values.setex(key(profile.id()), TTL.toSeconds(), json.writeValueAsString(profile));
        } catch (Exception e) {
            Log.warnf("profile cache write failed (ignored): %s", e.getMessage());
        }
    }

    /**
     * Evicts once the current transaction has committed (at once when there is none), so no reader can re-cache the
     * old row after it; a rollback leaves the entry, which is still right.
     */
    void evictAfterCommit(UUID id) {
        changes.fire(new Changed(id));
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        evict(change.id());
    }

    void evict(UUID id) {
        try {
            keys.del(key(id));
        } catch (Exception e) {
            Log.warnf("profile cache eviction of %s failed; stale for at most %s: %s", id, TTL, e.getMessage());
        }
    }
}
