package org.chorus.admin.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.admin.support.Moderation.WAIT;
import static org.chorus.admin.support.Moderation.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DeadLetterResourceTest {

    private static final String PATH = "/api/admin/dead-letters";

    /** A record on a dead-letter topic, as SmallRye's dead-letter queue writes it: original headers plus its own. */
    private static void deadLetter(String dlqTopic, String key, String ceId, String ceType, String payload) {
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        ProducerRecord<String, String> record = new ProducerRecord<>(dlqTopic, key, payload);
        record.headers().add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/chorus/test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("dead-letter-reason", "the consumer failed".getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        "dead-letter-topic",
                        dlqTopic.substring(0, dlqTopic.indexOf(".dlq.")).getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> pending(String topic, String consumer) {
        return admin().queryParam("topic", topic)
                .queryParam("consumer", consumer)
                .queryParam("limit", 100)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static long postsOn(LocalDate day) {
        JsonPath stats = admin().queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get("/api/admin/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> days = stats.getList("postsByDay");
        return days.isEmpty() ? 0 : ((Number) days.get(0).get("count")).longValue();
    }

    @Test
    void aRecordAdminCannotReadIsListedWithItsErrorAndCanBeDiscarded() {
        String ceId = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        TestEvents.publish(Topics.USER_CREATED, key, ceId, Events.USER_CREATED.type(), "not json at all");
        await().atMost(WAIT)
                .until(() -> pending(Topics.USER_CREATED, "admin").stream().anyMatch(d -> key.equals(d.get("key"))));
        Map<String, Object> letter = pending(Topics.USER_CREATED, "admin").stream()
                .filter(d -> key.equals(d.get("key")))
                .findFirst()
                .orElseThrow();
        assertEquals("not json at all", letter.get("payload"));
        assertEquals(1, letter.get("count"));
        assertTrue(((String) letter.get("error")).contains("not a valid UserCreated"), (String) letter.get("error"));
        assertEquals(ceId, ((Map<?, ?>) letter.get("headers")).get("ce_id"));
        assertTrue(letter.get("firstSeen") != null && letter.get("lastSeen") != null);

        String id = (String) letter.get("id");
        admin().delete(PATH + "/" + id).then().statusCode(204);
        assertTrue(pending(Topics.USER_CREATED, "admin").stream().noneMatch(d -> id.equals(d.get("id"))));
        admin().delete(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void replayingSendsTheRecordToItsTopicAndTheConsumersInboxMakesItActOnce() {
        LocalDate day =
                LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 7_000));
        Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String ceId = UUID.randomUUID().toString();
        String author = UUID.randomUUID().toString();
        String payload = "{\"postId\":\"" + UUID.randomUUID() + "\",\"authorId\":\"" + author + "\",\"visibility\":"
                + "\"public\",\"text\":\"t\",\"hashtags\":[],\"mentionedUserIds\":[],\"createdAt\":\"" + at + "\"}";
        // the same event dead-lettered twice by some other service's consumer
        deadLetter("post-created.dlq.feeds", author, ceId, Events.POST_CREATED.type(), payload);
        deadLetter("post-created.dlq.feeds", author, ceId, Events.POST_CREATED.type(), payload);
        await().atMost(WAIT)
                .until(() -> pending(Topics.POST_CREATED, "feeds").stream()
                        .anyMatch(d -> author.equals(d.get("key"))
                                && Integer.valueOf(2).equals(d.get("count"))));
        String id = (String) pending(Topics.POST_CREATED, "feeds").stream()
                .filter(d -> author.equals(d.get("key")))
                .findFirst()
                .orElseThrow()
                .get("id");
        given().auth()
                .oauth2(org.chorus.testing.TestJwt.token(UUID.randomUUID(), "m", "user", "moderator"))
                .post(PATH + "/" + id + "/replay")
                .then()
                .statusCode(403);

        admin().post(PATH + "/" + id + "/replay").then().statusCode(204);
        // it reached post-created with its ce_id and without the dead-letter headers; admin's own consumer counted it
        var replayed = TestEvents.await(Topics.POST_CREATED, r -> ceId.equals(TestEvents.header(r, "ce_id")), WAIT);
        assertEquals(null, TestEvents.header(replayed, "dead-letter-reason"));
        assertEquals(author, replayed.key());
        await().atMost(WAIT).until(() -> postsOn(day) == 1);
        assertTrue(pending(Topics.POST_CREATED, "feeds").stream().noneMatch(d -> id.equals(d.get("id"))), "replayed");

        // replayed again (it came back): the inbox keeps it at one post
        deadLetter("post-created.dlq.feeds", author, ceId, Events.POST_CREATED.type(), payload);
        await().atMost(WAIT)
                .until(() -> pending(Topics.POST_CREATED, "feeds").stream().anyMatch(d -> id.equals(d.get("id"))));
        admin().queryParam("topic", Topics.POST_CREATED)
                .queryParam("consumer", "feeds")
                .post(PATH + "/replay-all")
                .then()
                .statusCode(200)
                .body("replayed", equalTo(1));
        assertTrue(pending(Topics.POST_CREATED, "feeds").isEmpty());
        // a later post with the same key is consumed after the replayed copy (one partition): once it counts, the copy
        // has been handled
        TestEvents.publish(
                Events.POST_CREATED,
                author,
                new org.chorus.events.content.PostCreated(
                        UUID.randomUUID(),
                        UUID.fromString(author),
                        "public",
                        null,
                        "m",
                        List.of(),
                        List.of(),
                        at.minusSeconds(86_400 * 9000L)));
        await().atMost(WAIT).until(() -> postsOn(day.minusDays(9000)) >= 1);
        assertEquals(1, postsOn(day), "the replayed event acted once");
    }

    @Test
    void theGaugeCountsPendingDeadLettersPerTopic() {
        String key = UUID.randomUUID().toString();
        deadLetter(
                "comment-created.dlq.gaugetest", key, UUID.randomUUID().toString(), "chorus.comment-created.v1", "{}");
        await().atMost(WAIT).until(() -> pending("comment-created", "gaugetest").size() == 1);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("chorus_dead_letters{topic=\"comment-created\"}"));
    }

    @Test
    void badInputIsA4xxProblem() {
        admin().queryParam("topic", "Not A Topic")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().queryParam("consumer", "x y").get(PATH).then().statusCode(400);
        admin().queryParam("limit", "1000").get(PATH).then().statusCode(400);
        admin().queryParam("cursor", "zzz").get(PATH).then().statusCode(400);
        // a malformed id names no dead letter: 404, as platform/web's Ids has it for every path id
        admin().post(PATH + "/nope/replay").then().statusCode(404).contentType("application/problem+json");
        admin().post(PATH + "/" + UUID.randomUUID() + "/replay")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        admin().queryParam("topic", "bad topic")
                .post(PATH + "/replay-all")
                .then()
                .statusCode(400);
        admin().delete(PATH + "/nope").then().statusCode(404).contentType("application/problem+json");
        admin().queryParam("topic", "no-such-topic")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }
}
