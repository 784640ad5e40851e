package org.chorus.admin.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.admin.service.DataExportExpiry;
import org.chorus.events.Events;
import org.chorus.events.login.UserDeleted;
import org.chorus.events.privacy.DataExportChunks;
import org.chorus.events.privacy.DataExportPart;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Data exports: asked for by the user, assembled from the services' parts (login's, sent here as login would, in
 * chunks; admin's own), announced with a one-time link, downloaded without a token until it expires.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DataExportResourceTest {

    private static final String PATH = "/api/admin/exports";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    @Inject
    DataExportExpiry expiry;

    private static RequestSpecification as(UUID userId) {
        return given().auth().oauth2(TestJwt.token(userId, "someone", "user"));
    }

    private static JsonPath request(UUID userId) {
        return as(userId).post(PATH).then().statusCode(202).extract().jsonPath();
    }

    private static JsonPath state(UUID userId, String exportId) {
        return as(userId)
                .get(PATH + "/" + exportId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void sendPart(String exportId, UUID userId, String service, byte[] document) {
        for (DataExportPart part :
                DataExportChunks.split(UUID.fromString(exportId), userId, service, document, Instant.now())) {
            TestEvents.publish(Events.DATA_EXPORT_PART, userId.toString(), part);
        }
    }

    private void sql(String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The code of the export's download link, from the data-export-ready event notifications would mail. */
    private static String codeOf(String exportId) {
        ConsumerRecord<String, String> ready = TestEvents.await(
                Events.DATA_EXPORT_READY.topic(), r -> r.value().contains(exportId), WAIT);
        String link = JsonPath.from(ready.value()).getString("downloadLink");
        assertTrue(link.matches("http://localhost:8080/api/admin/exports/download/[A-Za-z0-9_-]{43}"), link);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void anExportIsAssembledFromEveryPartAndDownloadedWithTheCodeOfItsLink() throws IOException {
        UUID userId = UUID.randomUUID();
        Response accepted = as(userId).post(PATH);
        accepted.then().statusCode(202).body("state", equalTo("pending"));
        String exportId = accepted.jsonPath().getString("id");
        assertEquals(
                PATH + "/" + exportId,
                java.net.URI.create(accepted.header("Location")).getPath());
        JsonPath pending = state(userId, exportId);
        assertEquals(List.of("admin", "login"), pending.getList("parts.service"));
        assertEquals(List.of("received", "pending"), pending.getList("parts.state"));
        ConsumerRecord<String, String> asked = TestEvents.await(
                Events.DATA_EXPORT_REQUESTED.topic(), r -> r.value().contains(exportId), WAIT);
        assertEquals(userId.toString(), asked.key());

        // login's part, larger than a chunk: three records that join back to it
        byte[] loginPart = new byte[DataExportChunks.MAX_CHUNK_BYTES * 2 + 100];
        new Random(1).nextBytes(loginPart);
        sendPart(exportId, userId, "login", loginPart);
        await().atMost(WAIT).until(() -> "ready".equals(state(userId, exportId).getString("state")));
        JsonPath ready = state(userId, exportId);
        assertEquals(List.of("received", "received"), ready.getList("parts.state"));
        Instant expiresAt = Instant.parse(ready.getString("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofDays(6))), "kept for the retention (7 days)");

        String code = codeOf(exportId);
        Response download = given().get(PATH + "/download/" + code); // no token
        download.then()
                .statusCode(200)
                .contentType("application/zip")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(exportId));
        Map<String, byte[]> files = unzip(download.asByteArray());
        assertArrayEquals(loginPart, files.get("login.json"));
        JsonPath admin = JsonPath.from(new String(files.get("admin.json"), StandardCharsets.UTF_8));
        assertEquals(userId.toString(), admin.getString("userId"));
        assertEquals(List.of(), admin.getList("reportsFiled"));
        assertTrue(files.containsKey("README.txt"));
        // the code works until the export expires, then the link is gone: 410
        given().get(PATH + "/download/" + code).then().statusCode(200);
        sql(
                "update {h-schema}data_export set expires_at = now() - interval '1 minute' where id = ?1",
                UUID.fromString(exportId));
        given().get(PATH + "/download/" + code)
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chorus.dev/problems/export-expired"));
        assertEquals("expired", state(userId, exportId).getString("state"));
        assertTrue(expiry.run() >= 1);
        given().get(PATH + "/download/" + code).then().statusCode(410);
        long archives = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(
                                        "select count(*) from {h-schema}data_export where id = ?1 and archive is not null")
                                .setParameter(1, UUID.fromString(exportId))
                                .getSingleResult())
                        .longValue());
        assertEquals(0, archives, "the expiry deleted the archive");
    }

    @Test
    void oneOpenExportPerUserAndAnOverdueOneGivesWay() {
        UUID userId = UUID.randomUUID();
        String first = request(userId).getString("id");
        as(userId)
                .post(PATH)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chorus.dev/problems/export-in-progress"));

        // login's part never came: past the deadline the export is overdue, and the user may ask again
        sql(
                "update {h-schema}data_export set requested_at = now() - interval '25 hours' where id = ?1",
                UUID.fromString(first));
        assertEquals("overdue", state(userId, first).getString("state"));
        assertEquals(List.of("received", "pending"), state(userId, first).getList("parts.state"));
        // administrators find it among the overdue ones, with the part that is missing
        await().atMost(WAIT).until(() -> overdueIds().contains(first));
        as(userId).get(PATH + "?state=overdue").then().statusCode(403);
        given().auth()
                .oauth2(TestJwt.token(UUID.randomUUID(), "boss", "user", "admin"))
                .get(PATH + "?state=late")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://chorus.dev/problems/invalid-state"));
        String second = request(userId).getString("id");
        assertNotEquals(first, second);
        assertEquals("abandoned", state(userId, first).getString("state"));
        // a part for the abandoned export is dropped; the new one is untouched by it
        sendPart(first, userId, "login", "{}".getBytes(StandardCharsets.UTF_8));
        sendPart(second, userId, "login", "{\"late\":false}".getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> "ready".equals(state(userId, second).getString("state")));
        assertEquals("abandoned", state(userId, first).getString("state"));
    }

    private static List<String> overdueIds() {
        return given().auth()
                .oauth2(TestJwt.token(UUID.randomUUID(), "boss", "user", "admin"))
                .queryParam("state", "overdue")
                .queryParam("limit", 100)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    @Test
    void onlyTheOwnerSeesAnExportAndBadIdsAndCodesAreNotFound() {
        UUID owner = UUID.randomUUID();
        String id = request(owner).getString("id");
        as(UUID.randomUUID()).get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        given().get(PATH + "/" + id).then().statusCode(401);
        given().post(PATH).then().statusCode(401);
        as(owner).get(PATH + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().get(PATH + "/download/short").then().statusCode(404).contentType("application/problem+json");
        given().get(PATH + "/download/" + "A".repeat(43)).then().statusCode(404);
    }

    @Test
    void aMalformedPartIsDeadLetteredAndErasureTakesTheExportsAway() {
        UUID userId = UUID.randomUUID();
        String id = request(userId).getString("id");
        TestEvents.publish(
                Events.DATA_EXPORT_PART,
                userId.toString(),
                new DataExportPart(UUID.fromString(id), userId, "login", 5, 2, "AAAA", Instant.now()));
        TestEvents.await(
                Events.DATA_EXPORT_PART.deadLetterTopic("admin"), r -> r.value().contains(id), WAIT);
        assertEquals("pending", state(userId, id).getString("state"));

        TestEvents.publish(Events.USER_DELETED, userId.toString(), new UserDeleted(userId, Instant.now()));
        await().atMost(WAIT).until(() -> as(userId).get(PATH + "/" + id).statusCode() == 404);
    }
}
