package org.chorus.notifications.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.events.Events;
import org.chorus.events.login.UserCreated;
import org.chorus.notifications.support.Deliveries;
import org.chorus.notifications.support.FlakyMailTransport;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ConnectionDropTest {

    @Inject
    FlakyMailTransport transport;

    @Inject
    Deliveries deliveries;

    @Inject
    MockMailbox mailbox;

    @Test
    void aDroppedConnectionIsRetriedAtOnceOnAFreshOneNotAfterTheBackOff() {
        String name = WelcomeMailTest.randomName();
        String email = name + "@example.com";
        UUID id = UUID.randomUUID();
        transport.dropConnectionNext(email, 1);
        TestEvents.publish(Events.USER_CREATED, id.toString(), new UserCreated(id, name, email, Instant.now()));
        await("sent")
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        deliveries.to(email).stream().anyMatch(r -> r.status().equals("SENT")));
        Deliveries.Row row = deliveries.to(email).get(0);
        assertEquals(1, row.attempts(), "one attempt: no failure recorded, no back-off waited");
        assertNull(row.lastError());
        assertEquals(2, transport.attempts(email), "the dropped send and the one on a fresh connection");
        assertEquals(1, mailbox.getMailsSentTo(email).size());
    }
}
