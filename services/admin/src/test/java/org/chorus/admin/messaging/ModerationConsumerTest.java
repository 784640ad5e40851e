package org.chorus.admin.messaging;

import static org.awaitility.Awaitility.await;
import static org.chorus.admin.support.Moderation.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.admin.support.ModerationRows;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class ModerationConsumerTest {

    @Inject
    ModerationRows rows;

    @Test
    void aReportWithoutWhatACaseNeedsIsDeadLetteredAndOpensNoCase() {
        UUID target = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        TestEvents.publish(Topics.CONTENT_REPORTED, target.toString(), id, Events.CONTENT_REPORTED.type(),
                "{\"reportId\":\"" + UUID.randomUUID() + "\",\"targetKind\":\"planet\",\"targetId\":\"" + target
                        + "\",\"targetAuthorId\":\"" + target + "\",\"reporterId\":\"" + UUID.randomUUID()
                        + "\",\"reason\":\"spam\",\"reportedAt\":\"" + Instant.now() + "\"}");
        TestEvents.await(Topics.CONTENT_REPORTED + ".dlq.admin", r -> id.equals(TestEvents.header(r, "ce_id")), WAIT);
        assertEquals(null, rows.openCase("planet", target));
    }

    @Test
    void aReportOnAUserOpensAUserCase() {
        UUID user = UUID.randomUUID();
        org.chorus.admin.support.Moderation.report(UUID.randomUUID(), "user", user, user, UUID.randomUUID(), "hate");
        await().atMost(WAIT).until(() -> rows.openCase("user", user) != null);
        assertEquals(1, rows.reportCount(rows.openCase("user", user)));
        assertEquals(List.of(), rows.events(Topics.REPORT_RESOLVED, user));
    }
}
