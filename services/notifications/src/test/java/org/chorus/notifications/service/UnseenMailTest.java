package org.chorus.notifications.service;

import static org.awaitility.Awaitility.await;
import static org.chorus.notifications.support.People.WAIT;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.notifications.support.People;
import org.chorus.notifications.support.People.Person;
import org.chorus.notifications.support.Store;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The optional mail about a notification not seen within a time (test: 2 s, looked for every second).
 * Friend-request mail is turned off for these people, so any mail they get is the reminder.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class UnseenMailTest {

    /** After this, a reminder that was going to be sent has been (after 2 s, polled every second). */
    private static final Duration SETTLED = Duration.ofSeconds(6);

    @Inject
    Store store;

    @Inject
    MockMailbox mailbox;

    @Inject
    UnseenMails unseen;

    private static void wantsReminders(Person who, boolean unseen) {
        who.api()
                .contentType("application/json")
                .body("{\"friendRequests\":false,\"comments\":false,\"mentions\":false,\"digest\":false,\"unseen\":"
                        + unseen + "}")
                .put("/api/notifications/preferences")
                .then()
                .statusCode(200)
                .body("unseen", equalTo(unseen));
    }

    private List<Mail> reminders(Person who) {
        return mailbox.getMailsSentTo(who.email()).stream()
                .filter(m -> m.getSubject().startsWith("Not seen yet"))
                .toList();
    }

    private void entryFrom(Person from, Person to) {
        People.friendRequest(from, to);
        await().atMost(WAIT).until(() -> store.notifications(to.id()) == 1);
    }

    @Test
    void anEntryStillUnreadAfterTheTimeIsMailedOnceToWhoAskedForIt() throws Exception {
        Person me = People.known(store);
        Person friend = People.known(store);
        wantsReminders(me, true);
        entryFrom(friend, me);
        await().atMost(WAIT).until(() -> reminders(me).size() == 1);
        Mail mail = reminders(me).get(0);
        assertTrue(mail.getSubject().contains(friend.username()), mail.getSubject());
        assertTrue(mail.getText().contains(friend.username()), mail.getText());
        assertEquals(1, mail.getHeaders().get("List-Unsubscribe").size(), "a reminder can be turned off in one click");
        Thread.sleep(SETTLED.toMillis());
        assertEquals(1, reminders(me).size(), "once per notification");
        assertEquals(
                1,
                store.count(
                        "select count(*) from notifications.notification where user_id = ?1 and unseen_mailed_at is not null",
                        me.id()));
    }

    @Test
    void noReminderByDefaultNorForWhatWasReadInTime() throws Exception {
        Person byDefault = People.known(store);
        Person reader = People.known(store);
        Person friend = People.known(store);
        wantsReminders(reader, true);
        reader.api()
                .get("/api/notifications/preferences")
                .then()
                .statusCode(200)
                .body("unseen", equalTo(true));
        byDefault.api().get("/api/notifications/preferences").then().body("unseen", equalTo(false));
        entryFrom(friend, byDefault);
        entryFrom(friend, reader);
        reader.api().post("/api/notifications/read-all").then().statusCode(204);
        Thread.sleep(SETTLED.toMillis());
        assertEquals(List.of(), reminders(byDefault), "the reminder is off by default");
        assertTrue(
                mailbox.getMailsSentTo(byDefault.email()).stream()
                        .anyMatch(m -> m.getSubject().contains("wants to be your friend")),
                "the immediate friend-request mail (on by default) did go out: mail works for this member");
        assertEquals(List.of(), reminders(reader), "read before the time: seen");
    }

    @Test
    void neverAboutSomeoneBlockedOrMutedNorAboutContentThatIsGone() throws Exception {
        Person blocker = People.known(store);
        Person muter = People.known(store);
        Person blocked = People.known(store);
        Person gone = People.known(store);
        for (Person p : List.of(blocker, muter, gone)) {
            wantsReminders(p, true);
        }
        Person friend = People.known(store);
        entryFrom(blocked, blocker);
        entryFrom(blocked, muter);
        // a relation the entry outlived (users' event removes entries itself; the mail checks again)
        store.update(
                "insert into notifications.relation (user_id, other_id, kind) values (?1, ?2, 'block')",
                blocker.id(),
                blocked.id());
        store.update(
                "insert into notifications.relation (user_id, other_id, kind) values (?1, ?2, 'mute')",
                muter.id(),
                blocked.id());
        entryFrom(friend, gone);
        UUID goneId = UUID.randomUUID();
        store.update("update notifications.notification set post_id = ?1 where user_id = ?2", goneId, gone.id());
        store.update("insert into notifications.gone_content (id) values (?1)", goneId);
        Thread.sleep(SETTLED.toMillis());
        assertEquals(List.of(), reminders(blocker));
        assertEquals(List.of(), reminders(muter));
        assertEquals(List.of(), reminders(gone));
    }

    @Test
    void replicasRunningAtOnceMailAnEntryOnce() throws Exception {
        Person me = People.known(store);
        wantsReminders(me, true);
        entryFrom(People.known(store), me);
        // push it past the time, then run the job from several threads at once, as replicas would
        store.update(
                "update notifications.notification set updated_at = now() - interval '1 hour' where user_id = ?1",
                me.id());
        Thread[] replicas = new Thread[4];
        for (int i = 0; i < replicas.length; i++) {
            replicas[i] = new Thread(() -> unseen.mailDue(java.time.Instant.now(), 100));
            replicas[i].start();
        }
        for (Thread t : replicas) {
            t.join();
        }
        await().atMost(WAIT).until(() -> reminders(me).size() >= 1);
        Thread.sleep(SETTLED.toMillis());
        assertEquals(1, reminders(me).size(), "one entry, one mail, however many replicas look");
    }
}
