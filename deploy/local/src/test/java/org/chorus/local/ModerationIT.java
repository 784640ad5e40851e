package org.chorus.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chorus.local.Members.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 11's proof of moderation, through the gateway only: a report becomes a case, a one-day suspension reaches
 * login, the gateway, users, content and the user's mailbox; the appeal through the mail's code overturns it and
 * everything comes back; the reporter is told the outcome.
 */
@ExtendWith(RunningSuite.class)
class ModerationIT {

    private static final Pattern APPEAL_CODE = Pattern.compile("/appeal\\?code=([A-Za-z0-9_\\-]+)");
    private static final Duration EVENTUAL = Duration.ofSeconds(30);

    @Test
    void aReportedPostLeadsToASuspensionThatAnAppealOverturns() {
        Member a = Members.signUp();
        Member b = Members.signUp();
        Members.befriend(a, b);
        Member moderator = Administrator.newModerator();

        String word = Posts.uniqueWord();
        String post = Posts.create(a, "Buy cheap " + word + " now, best prices", "public");
        await("B sees A's post in the home feed and in search").atMost(EVENTUAL).untilAsserted(() -> {
            assertTrue(Posts.homeFeed(b).contains(post), "home feed");
            assertTrue(Posts.search(b, word).contains(post), "search");
        });
        given().auth()
                .oauth2(b.accessToken())
                .get("/api/users/" + a.id())
                .then()
                .statusCode(200);

        // 1. B reports the post
        given().auth()
                .oauth2(b.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("targetKind", "post", "targetId", post, "reason", "spam", "comment", "advertising"))
                .post("/api/reports")
                .then()
                .statusCode(202)
                .body("id", notNullValue());

        // 2. the moderator sees the case
        String[] caseId = new String[1];
        await("the moderator sees the case")
                .atMost(EVENTUAL)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Response cases = given().auth()
                            .oauth2(moderator.accessToken())
                            .queryParam("targetKind", "post")
                            .queryParam("limit", 100)
                            .get("/api/admin/cases");
                    cases.then().statusCode(200);
                    List<Map<String, Object>> items = cases.path("items");
                    Optional<Map<String, Object>> found = items.stream()
                            .filter(c -> post.equals(c.get("targetId")))
                            .findFirst();
                    assertTrue(found.isPresent(), "a case for the post");
                    assertEquals(a.id(), found.get().get("targetAuthorId"));
                    caseId[0] = (String) found.get().get("id");
                });
        given().auth()
                .oauth2(moderator.accessToken())
                .get("/api/admin/cases/" + caseId[0])
                .then()
                .statusCode(200)
                .body("reports.reason", hasItem("spam"))
                .body("reports.snapshot", hasItem(containsString(word)));

        // 3. resolved with a one-day suspension
        String reason = "Advertising spam (e2e " + word + ")";
        given().auth()
                .oauth2(moderator.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("action", "suspend", "reason", reason, "durationHours", 24))
                .post("/api/admin/cases/" + caseId[0] + "/resolve")
                .then()
                .statusCode(200)
                .body("state", equalTo("resolved"))
                .body("action", equalTo("suspend"));
        long resolved = System.nanoTime();

        // 4. within a second A's live token is refused at the gateway
        await("A's live token is refused at the gateway")
                .atMost(RolesIT.PROPAGATION)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> given().auth()
                        .oauth2(a.accessToken())
                        .get("/api/users/me")
                        .then()
                        .statusCode(401));
        System.out.printf(
                "ModerationIT: the suspension refused A's live token %d ms after the resolve%n",
                (System.nanoTime() - resolved) / 1_000_000);

        // A's login fails
        await("A's login is refused as suspended")
                .atMost(EVENTUAL)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> login(a).then().statusCode(403).body("type", containsString("account-suspended")));

        // A's profile and posts are gone for B
        await("A's profile and post are gone for B")
                .atMost(EVENTUAL)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    given().auth()
                            .oauth2(b.accessToken())
                            .get("/api/users/" + a.id())
                            .then()
                            .statusCode(404);
                    assertEquals(404, Posts.read(b, post), "direct read");
                    assertTrue(!Posts.homeFeed(b).contains(post), "home feed");
                    assertTrue(!Posts.search(b, word).contains(post), "search");
                });

        // A has a mail with the reason and an appeal link
        String[] code = new String[1];
        await("A's sanction mail")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Mailbox.Message mail = Mailbox.of(a.email()).stream()
                            .filter(m -> m.subject().equals("Your Chorus account is suspended"))
                            .findFirst()
                            .orElse(null);
                    assertTrue(mail != null, "a mail 'Your Chorus account is suspended' to " + a.email());
                    String text = Mails.text(mail.content());
                    assertTrue(text.contains(reason), "the mail names the reason");
                    Matcher link = APPEAL_CODE.matcher(text);
                    assertTrue(link.find(), "the mail holds an appeal link");
                    assertTrue(
                            text.contains(RunningSuite.suite().gatewayUrl() + "/appeal?code="),
                            "the link names the gateway");
                    code[0] = link.group(1);
                });

        // 5. A appeals through the public code endpoint, without a token
        given().get("/api/admin/appeals/code/" + code[0])
                .then()
                .statusCode(200)
                .body("action", equalTo("suspend"))
                .body("reason", equalTo(reason))
                .body("sanctionState", equalTo("active"));
        String appeal = given().contentType(ContentType.JSON)
                .body(Map.of("text", "This was a joke between friends, not advertising."))
                .post("/api/admin/appeals/code/" + code[0])
                .then()
                .statusCode(201)
                .body("state", equalTo("pending"))
                .extract()
                .path("id");

        // 6. the moderator overturns
        given().auth()
                .oauth2(moderator.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "overturned", "reason", "On reflection, not spam"))
                .post("/api/admin/appeals/" + appeal + "/decide")
                .then()
                .statusCode(200)
                .body("state", equalTo("overturned"));

        // 7. A logs in again and the posts are back
        Response[] login = new Response[1];
        await("A may log in again")
                .atMost(EVENTUAL)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    login[0] = login(a);
                    login[0].then().statusCode(200);
                });
        String fresh = login[0].path("accessToken");
        given().auth().oauth2(fresh).get("/api/users/me").then().statusCode(200);
        await("A's profile and post are back for B")
                .atMost(EVENTUAL)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    given().auth()
                            .oauth2(b.accessToken())
                            .get("/api/users/" + a.id())
                            .then()
                            .statusCode(200);
                    assertEquals(200, Posts.read(b, post), "direct read");
                    assertTrue(Posts.homeFeed(b).contains(post), "home feed");
                    assertTrue(Posts.search(b, word).contains(post), "search");
                });

        // B learns the outcome of the report, without learning who moderated
        await("B's report-outcome notification")
                .atMost(EVENTUAL)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().auth()
                        .oauth2(b.accessToken())
                        .queryParam("kind", "report-outcome")
                        .get("/api/notifications")
                        .then()
                        .statusCode(200)
                        .body("items.kind", hasItem("report-outcome"))
                        .body(not(containsString(moderator.id()))));
    }

    private static Response login(Member member) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("login", member.username(), "password", Members.PASSWORD))
                .post("/api/auth/login");
    }
}
