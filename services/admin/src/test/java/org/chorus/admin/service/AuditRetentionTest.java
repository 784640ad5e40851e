package org.chorus.admin.service;

import static org.awaitility.Awaitility.await;
import static org.chorus.admin.support.AuditTestSupport.WAIT;
import static org.chorus.admin.support.AuditTestSupport.loginFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.admin.support.AuditRows;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Retention is 365 days (the default) and the test profile deletes 2 entries per batch. */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AuditRetentionTest {

    @Inject
    AuditRetention retention;

    @Inject
    AuditRows rows;

    @Test
    void entriesOlderThanTheRetentionAreDeletedBatchByBatchAndNewerOnesKept() {
        UUID user = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(loginFailed(user, now.minus(Duration.ofDays(366 + i * 30L))));
        }
        String almostOld = loginFailed(user, now.minus(Duration.ofDays(364)));
        String recent = loginFailed(user, now.minus(Duration.ofHours(1)));
        await("7 entries").atMost(WAIT).until(() -> rows.forUser(user).size() == 7);

        int deleted = retention.purge();

        assertTrue(deleted >= old.size(), "five old entries need three batches of two; deleted " + deleted);
        old.forEach(id -> assertFalse(rows.byId(id).isPresent(), "older than a year: " + id));
        assertEquals(
                List.of(recent, almostOld),
                rows.forUser(user).stream().map(r -> r.id().toString()).toList());
        assertEquals(0, retention.purge(), "nothing older is left");
    }

    @Test
    void erasedUsersAreForgottenAfterTheRetentionToo() {
        UUID longAgo = UUID.randomUUID();
        UUID lately = UUID.randomUUID();
        rows.markErased(longAgo, Instant.now().minus(Duration.ofDays(400)));
        rows.markErased(lately, Instant.now().minus(Duration.ofDays(1)));

        retention.purge();

        assertFalse(rows.erased(longAgo), "every entry that could be about them is gone, so is the note");
        assertTrue(rows.erased(lately), "entries about them may still arrive and must be anonymised");
    }
}
