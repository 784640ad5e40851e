package org.chorus.notifications.messaging;

import static org.awaitility.Awaitility.await;
import static org.chorus.notifications.support.People.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.privacy.DataExportChunks;
import org.chorus.events.privacy.DataExportReady;
import org.chorus.events.privacy.DataExportRequested;
import org.chorus.notifications.support.Deliveries;
import org.chorus.notifications.support.People;
import org.chorus.notifications.support.People.Person;
import org.chorus.notifications.support.Store;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Data export: notifications answers data-export-requested with its part; data-export-ready mails the user the
 * one-time download link, which the delivery log drops once sent.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DataExportMailTest {

    private static final String SUBJECT = "Your Chorus data export is ready";

    @Inject
    Store store;

    @Inject
    MockMailbox mailbox;

    @Inject
    Deliveries deliveries;

    @Test
    void theDownloadLinkIsMailedAndDroppedFromTheLogOnceSent() {
        Person me = People.known(store);
        String link = "http://localhost:8080/api/admin/exports/download/" + "c".repeat(43);
        Instant expiresAt = Instant.now().plus(7, ChronoUnit.DAYS);
        TestEvents.publish(
                Events.DATA_EXPORT_READY,
                me.id().toString(),
                new DataExportReady(UUID.randomUUID(), me.id(), link, expiresAt));

        await().atMost(WAIT)
                .until(() -> mailbox.getMailsSentTo(me.email()).stream()
                        .anyMatch(m -> m.getSubject().equals(SUBJECT)));
        Mail mail = mailbox.getMailsSentTo(me.email()).stream()
                .filter(m -> m.getSubject().equals(SUBJECT))
                .findFirst()
                .orElseThrow();
        assertTrue(mail.getText().contains(link), mail.getText());
        assertTrue(mail.getText().contains(expiresAt.toString()), mail.getText());
        assertTrue(mail.getHtml().contains("href=\"" + link + "\""), mail.getHtml());
        await().atMost(WAIT)
                .until(() -> deliveries.to(me.email()).stream()
                        .anyMatch(r -> r.kind().equals("DATA_EXPORT_READY")
                                && r.status().equals("SENT")));
        assertFalse(String.join(" ", deliveries.dataTo(me.email())).contains(link), "the sent mail drops its link");
    }

    @Test
    void theRequestIsAnsweredWithTheMembersNotificationsPreferencesAndMailsButNoMailData() {
        Person me = People.known(store);
        await().atMost(WAIT)
                .until(() -> deliveries.to(me.email()).stream()
                        .anyMatch(r -> r.kind().equals("WELCOME")));
        UUID exportId = UUID.randomUUID();
        TestEvents.publish(
                Events.DATA_EXPORT_REQUESTED,
                me.id().toString(),
                new DataExportRequested(exportId, me.id(), Instant.now()));
        ConsumerRecord<String, String> record =
                TestEvents.await(Events.DATA_EXPORT_PART.topic(), r -> r.value().contains(exportId.toString()), WAIT);
        JsonPath part = JsonPath.from(record.value());
        assertEquals("notifications", part.getString("service"));
        assertEquals(1, part.getInt("chunks"));
        JsonPath document =
                JsonPath.from(new String(DataExportChunks.decode(part.getString("content")), StandardCharsets.UTF_8));
        assertEquals(me.id().toString(), document.getString("userId"));
        assertTrue(document.getList("mails.kind").contains("WELCOME"), document.prettify());
        assertEquals(List.of(), document.getList("notifications"));
        assertFalse(document.prettify().contains(me.username()), "no mail's data (it named the user)");
    }

    @Test
    void aReadyExportOfAnUnknownUserIsDeadLettered() {
        UUID stranger = UUID.randomUUID();
        TestEvents.publish(
                Events.DATA_EXPORT_READY,
                stranger.toString(),
                new DataExportReady(UUID.randomUUID(), stranger, "http://localhost:8080/x", Instant.now()));
        TestEvents.await(
                Events.DATA_EXPORT_READY.deadLetterTopic("notifications"),
                r -> stranger.toString().equals(r.key()),
                WAIT);
    }
}
