package org.chorus.users.service;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProfileCacheTest {

    @Inject
    RedisDataSource redis;

    @Inject
    ProfileCache cache;

    @Test
    void anEvictionWaitsForTheCommitAndARolledBackChangeKeepsTheEntry() {
        UUID id = UUID.randomUUID();
        String key = ProfileCache.key(id);
        redis.value(String.class).setex(key, 60, "{}");
        QuarkusTransaction.begin();
        cache.evictAfterCommit(id);
        assertTrue(redis.key().exists(key), "not before the commit: a reader could re-cache the old row");
        QuarkusTransaction.rollback();
        assertTrue(redis.key().exists(key), "a rolled-back change leaves the entry, which is still right");
        QuarkusTransaction.begin();
        cache.evictAfterCommit(id);
        QuarkusTransaction.commit();
        assertFalse(redis.key().exists(key), "the commit evicted it");
    }

    @Test
    void aReadCachesTheProfileWithATtlAndAChangeEvictsIt() {
        TestUser owner = TestUsers.existing();
        TestUser reader = TestUsers.existing();
        String key = ProfileCache.key(owner.id());
        redis.key().del(key);

        reader.request().get("/api/users/" + owner.id()).then().statusCode(200);
        assertEquals(1, redis.key().exists(key) ? 1 : 0, "first read fills the cache");
        long ttl = redis.key().ttl(key);
        assertTrue(ttl > 0 && ttl <= ProfileCache.TTL.toSeconds(), "cached entry expires, ttl was " + ttl);

        owner.request()
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "Renamed"))
                .patch("/api/users/me")
                .then()
                .statusCode(200);
        // the change evicted the entry, so the next read sees it at once
        reader.request().get("/api/users/" + owner.id()).then().statusCode(200).body("displayName", equalTo("Renamed"));
    }

    @Test
    void readsAreServedFromTheCacheWhileTheEntryLives() {
        TestUser owner = TestUsers.existing();
        TestUser reader = TestUsers.existing();
        reader.request().get("/api/users/" + owner.id()).then().statusCode(200);
        // plant a marker in the cached copy: only a read that uses the cache can return it
        String key = ProfileCache.key(owner.id());
        String cached = redis.value(String.class).get(key);
        redis.value(String.class).setex(key, 60, cached.replace(owner.username(), "from-cache"));
        reader.request().get("/api/users/" + owner.id()).then().statusCode(200).body("username", equalTo("from-cache"));
        redis.key().del(key);
    }
}
