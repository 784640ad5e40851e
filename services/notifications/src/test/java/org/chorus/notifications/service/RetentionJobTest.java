package org.chorus.notifications.service;

import static org.awaitility.Awaitility.await;
import static org.chorus.notifications.support.People.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.chorus.events.Events;
import org.chorus.events.login.PasswordChanged;
import org.chorus.notifications.support.People;
import org.chorus.notifications.support.People.Person;
import org.chorus.notifications.support.Store;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RetentionJobTest {

    @Inject
    RetentionJob job;

    @Inject
    Store store;

    @Test
    void entriesOlderThanTheRetentionArePurgedAndNewerOnesStay() {
        Person me = People.anonymous();
        for (int i = 0; i < 3; i++) {
            TestEvents.publish(
                    Events.PASSWORD_CHANGED,
                    me.id().toString(),
                    new PasswordChanged(me.id(), me.email(), me.username(), Instant.now()));
        }
        await().atMost(WAIT).until(() -> store.notifications(me.id()) == 3);
        store.update("""
                update notifications.notification set updated_at = now() - interval '91 days'
                where id in (select id from notifications.notification where user_id = ?1 order by seq limit 2)""", me.id());

        int purged = job.purge(Instant.now().minus(90, ChronoUnit.DAYS));
        assertTrue(purged >= 2, "purged " + purged);
        assertEquals(1, store.notifications(me.id()));
        assertEquals(
                3,
                store.count("select max(seq) from notifications.notification where user_id = ?1", me.id()),
                "the newest one stayed");
    }
}
