package org.chorus.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.notifications.support.People.WAIT;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PreferenceResourceTest {

    private static final String PATH = "/api/notifications/preferences";
    private static final Pattern UNSUBSCRIBE =
            Pattern.compile("<(https?://[^>]+/api/notifications/unsubscribe\\?token=([^>]+))>");

    @Inject
    Store store;

    @Inject
    MockMailbox mailbox;

    private List<Mail> activityMails(Person to) {
        return mailbox.getMailsSentTo(to.email()).stream()
                .filter(m -> m.getSubject().contains("wants to be your friend"))
                .toList();
    }

    @Test
    void defaultsAreFriendRequestsAndMentionsOnCommentsAndDigestOff() {
        People.anonymous()
                .api()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("friendRequests", equalTo(true))
                .body("mentions", equalTo(true))
                .body("comments", equalTo(false))
                .body("digest", equalTo(false));
    }

    @Test
    void iSetMyPreferencesAndOnlyMine() {
        Person me = People.anonymous();
        me.api()
                .contentType("application/json")
                .body("{\"friendRequests\":false,\"comments\":true,\"mentions\":false,\"digest\":true}")
                .put(PATH)
                .then()
                .statusCode(200)
                .body("comments", equalTo(true));
        me.api()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("friendRequests", equalTo(false))
                .body("comments", equalTo(true))
                .body("mentions", equalTo(false))
                .body("digest", equalTo(true));
        People.anonymous().api().get(PATH).then().statusCode(200).body("friendRequests", equalTo(true));
    }

    @Test
    void aMissingOrMistypedSwitchIs400AndNoTokenIs401() {
        Person me = People.anonymous();
        me.api()
                .contentType("application/json")
                .body("{\"friendRequests\":false}")
                .put(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        me.api()
                .contentType("application/json")
                .body("{\"friendRequests\":\"no\",\"comments\":true,\"mentions\":false,\"digest\":true}")
                .put(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        me.api().contentType("application/json").body("[]").put(PATH).then().statusCode(400);
        given().get(PATH).then().statusCode(401);
    }

    @Test
    void aFriendRequestMailCarriesOneClickUnsubscribeWhichTurnsOnlyThatMailOff() {
        Person me = People.known(store);
        Person a = People.known(store);
        People.friendRequest(a, me);
        await("friend request mail").atMost(WAIT).until(() -> !activityMails(me).isEmpty());
        Mail mail = activityMails(me).get(0);
        assertTrue(mail.getText().contains(a.username()), mail.getText());
        assertEquals(
                "List-Unsubscribe=One-Click",
                mail.getHeaders().get("List-Unsubscribe-Post").get(0));
        Matcher link =
                UNSUBSCRIBE.matcher(mail.getHeaders().get("List-Unsubscribe").get(0));
        assertTrue(link.matches(), mail.getHeaders().toString());
        String token = link.group(2);
        assertTrue(mail.getText().contains(link.group(1)), "the text names the link too");

        // GET only tells (link scanners must not unsubscribe anyone)
        given().queryParam("token", token)
                .get("/api/notifications/unsubscribe")
                .then()
                .statusCode(200)
                .body("preference", equalTo("friendRequests"))
                .body("subscribed", equalTo(true));
        me.api().get(PATH).then().body("friendRequests", equalTo(true));
        // what a mail client sends for RFC 8058 one-click: a form POST, no login
        given().queryParam("token", token)
                .contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post("/api/notifications/unsubscribe")
                .then()
                .statusCode(200)
                .body("preference", equalTo("friendRequests"))
                .body("subscribed", equalTo(false));
        me.api().get(PATH).then().body("friendRequests", equalTo(false)).body("mentions", equalTo(true));

        Person b = People.known(store);
        String second = People.friendRequest(b, me);
        await("second request notified").atMost(WAIT).until(() -> store.handled(second));
        await().atMost(WAIT)
                .until(() -> store.count(
                                "select count(*) from notifications.notification_actor a "
                                        + "join notifications.notification n on n.id = a.notification_id where n.user_id = ?1",
                                me.id())
                        == 2);
        assertEquals(1, activityMails(me).size(), "no mail once unsubscribed");
        assertEquals(
                1,
                store.count(
                        "select count(*) from notifications.delivery where user_id = ?1 and kind = 'ACTIVITY'",
                        me.id()));
        assertNotNull(mail.getHtml());
    }

    @Test
    void aMissingTokenIs400AndAnUnknownOneIs404() {
        given().get("/api/notifications/unsubscribe").then().statusCode(400).contentType("application/problem+json");
        given().post("/api/notifications/unsubscribe").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("token", "nope")
                .get("/api/notifications/unsubscribe")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("token", "x".repeat(500))
                .post("/api/notifications/unsubscribe")
                .then()
                .statusCode(404);
    }
}
