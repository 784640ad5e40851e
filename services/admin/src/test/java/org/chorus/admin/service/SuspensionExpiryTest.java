package org.chorus.admin.service;

import static org.chorus.admin.support.Moderation.impose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import org.chorus.admin.support.ModerationRows;
import org.chorus.events.Topics;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class SuspensionExpiryTest {

    @Inject
    SuspensionExpiry expiry;
    @Inject
    ModerationRows rows;

    @Test
    void aDueSuspensionEndsOnceEvenWhenTwoReplicasRunTheJobTogether() throws Exception {
        UUID moderator = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        UUID sanction = impose(moderator, "{\"userId\":\"" + user + "\",\"action\":\"suspend\",\"reason\":\"r\","
                + "\"durationHours\":1}");
        UUID notYet = impose(moderator, "{\"userId\":\"" + later + "\",\"action\":\"suspend\",\"reason\":\"r\","
                + "\"durationHours\":1}");
        rows.makeDue(sanction);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return expiry.run();
        })).toList();
        start.countDown();
        int ended = 0;
        for (CompletableFuture<Integer> run : runs) {
            ended += run.get();
        }

        assertEquals("expired", rows.sanctionState(sanction));
        assertEquals("active", rows.sanctionState(notYet));
        List<?> reinstated = rows.events(Topics.USER_REINSTATED, user);
        assertEquals(1, reinstated.size(), "one user-reinstated however many replicas ran");
        assertEquals(moderator.toString(), rows.events(Topics.USER_REINSTATED, user).get(0).get("moderatorId"));
        assertEquals(0, rows.events(Topics.USER_REINSTATED, later).size());
        // no other test makes a suspension due, so the two runs together ended exactly this one
        assertEquals(1, ended, "ended by exactly one run");
        assertEquals(0, expiry.run(), "nothing is due any more");
    }
}
