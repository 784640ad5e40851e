package org.chorus.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.chorus.local.Members.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 11's data export and erasure, through the gateway only: a member asks for an export, every service sends
 * its part, the member is mailed a one-time link that downloads one zip with a JSON file per service (and no
 * secret); the day's login counts as activity; deleting the account is confirmed by every service.
 */
@ExtendWith(RunningSuite.class)
class PrivacyIT {

    private static final Duration ASYNC = Duration.ofSeconds(90);

    private static final Pattern DOWNLOAD = Pattern.compile("(/api/admin/exports/download/[A-Za-z0-9_\\-]+)");

    private static final List<String> SERVICES = List.of("login", "users", "content", "admin", "notifications");

    @Test
    void anExportHoldsEveryServicesPartAndIsMailedAsAOneTimeLink() throws IOException {
        Member a = Members.signUp();
        Member b = Members.signUp();
        String word = Posts.uniqueWord();
        Posts.create(a, "my own words " + word, "public");

        String id = given().auth()
                .oauth2(a.accessToken())
                .post("/api/admin/exports")
                .then()
                .statusCode(202)
                .header("Location", startsWith(RunningSuite.suite().gatewayUrl() + "/api/admin/exports/"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(b.accessToken())
                .get("/api/admin/exports/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        await("every service's part")
                .atMost(ASYNC)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().auth()
                        .oauth2(a.accessToken())
                        .get("/api/admin/exports/" + id)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("ready")));

        String[] path = new String[1];
        await("the export mail")
                .atMost(ASYNC)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Mailbox.Message mail = Mailbox.of(a.email()).stream()
                            .filter(m -> m.subject().equals("Your Chorus data export is ready"))
                            .findFirst()
                            .orElse(null);
                    assertTrue(mail != null, "a mail 'Your Chorus data export is ready' to " + a.email());
                    String text = Mails.text(mail.content());
                    assertTrue(
                            text.contains(RunningSuite.suite().gatewayUrl() + "/api/admin/exports/download/"),
                            "the link names the gateway");
                    Matcher link = DOWNLOAD.matcher(text);
                    assertTrue(link.find(), "the mail holds the download link");
                    path[0] = link.group(1);
                });

        Response download = given().get(path[0]);
        download.then().statusCode(200).contentType("application/zip").header("Cache-Control", "no-store");
        Map<String, String> files = unzip(download.asByteArray());
        for (String service : SERVICES) {
            assertTrue(files.containsKey(service + ".json"), "the zip has " + service + ".json: " + files.keySet());
        }
        assertTrue(files.get("login.json").contains(a.username()), "login's part names the account");
        assertTrue(files.get("content.json").contains(word), "content's part holds the post");
        assertFalse(files.get("login.json").contains("$argon2id$"), "no password hash leaves login");

        given().get(path[0].substring(0, path[0].length() - 2) + "xx").then().statusCode(404);
    }

    @Test
    void aLoginCountsAsTodaysActivityAndAnErasureIsConfirmedByEveryService() {
        Member admin = Administrator.get();
        Member gone = Members.signUp();
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        await("today's active users")
                .atMost(ASYNC)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<Map<String, Object>> days = given().auth()
                            .oauth2(admin.accessToken())
                            .get("/api/admin/stats/active-users?from=" + today + "&to=" + today)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("activeUsersByDay");
                    assertEquals(1, days.size(), "today has active users: " + days);
                    assertTrue(((Number) days.get(0).get("count")).longValue() >= 2, "at least the two logins today");
                });
        given().auth()
                .oauth2(gone.accessToken())
                .get("/api/admin/stats/active-users")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(gone.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("password", Members.PASSWORD))
                .delete("/api/auth/account")
                .then()
                .statusCode(204);

        await("every service confirms the erasure")
                .atMost(ASYNC)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<Map<String, Object>> items = given().auth()
                            .oauth2(admin.accessToken())
                            .get("/api/admin/erasures?limit=100")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("items.findAll { it.userId == '" + gone.id() + "' }");
                    assertEquals(1, items.size(), "one erasure request for the deleted member");
                    assertEquals(
                            "complete",
                            String.valueOf(items.get(0).get("state")).toLowerCase());
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> services =
                            (List<Map<String, Object>>) items.get(0).get("services");
                    for (String service : SERVICES) {
                        assertTrue(
                                services.stream()
                                        .anyMatch(s ->
                                                service.equals(s.get("service")) && "confirmed".equals(s.get("state"))),
                                service + " confirmed: " + services);
                    }
                });
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
