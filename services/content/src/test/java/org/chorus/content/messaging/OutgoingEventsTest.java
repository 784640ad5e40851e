package org.chorus.content.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chorus.content.support.TestUsers;
import org.chorus.content.support.TestUsers.TestUser;
import org.chorus.events.EventType;
import org.chorus.events.Events;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every event content publishes, as it really arrives on Kafka: a CloudEvent with the documented type, source,
 * subject and key, whose data fits the JSON Schema in chorus-events; and the rules of who gets which event.
 */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class OutgoingEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPublishedEventIsACloudEventWhoseDataFitsItsSchema() throws IOException {
        TestUser ada = TestUsers.signedUp();
        TestUser bob = TestUsers.signedUp();
        String a = ada.id().toString();
        String b = bob.id().toString();
        String post = ada.json(Map.of("text", "hi @" + bob.username() + " #events", "language", "en"))
                .post("/api/posts").then().statusCode(201).extract().path("id");
        ada.json(Map.of("text", "edited #events")).patch("/api/posts/" + post).then().statusCode(200);
        String comment = bob.json(Map.of("text", "a comment")).post("/api/posts/" + post + "/comments").then()
                .statusCode(201).extract().path("id");
        String reply = ada.json(Map.of("text", "a reply", "parentId", comment)).post("/api/posts/" + post + "/comments")
                .then().statusCode(201).extract().path("id");
        bob.json(Map.of("reaction", "wow")).put("/api/posts/" + post + "/reactions/mine").then().statusCode(200);
        String report = bob.json(Map.of("targetKind", "post", "targetId", post, "reason", "spam", "comment", "why"))
                .post("/api/reports").then().statusCode(202).extract().path("id");
        ada.request().delete("/api/comments/" + comment).then().statusCode(204);
        ada.request().delete("/api/posts/" + post).then().statusCode(204);

        JsonNode created = check(Events.POST_CREATED, a, Map.of("postId", post, "authorId", a, "visibility", "public",
                "language", "en"));
        assertEquals("events", created.get("hashtags").get(0).asText());
        assertEquals(b, created.get("mentionedUserIds").get(0).asText());
        check(Events.MENTION_CREATED, b, Map.of("postId", post, "authorId", a, "mentionedUserId", b));
        JsonNode updated = check(Events.POST_UPDATED, a, Map.of("postId", post, "version", "2", "text", "edited #events"));
        assertEquals(0, updated.get("mentionedUserIds").size());
        check(Events.COMMENT_CREATED, b, Map.of("commentId", comment, "postId", post, "postAuthorId", a, "authorId", b,
                "text", "a comment"));
        check(Events.COMMENT_CREATED, a, Map.of("commentId", reply, "parentCommentId", comment, "parentAuthorId", b));
        check(Events.REACTION_ADDED, b, Map.of("targetKind", "post", "targetId", post, "postId", post,
                "targetAuthorId", a, "userId", b, "reaction", "wow"));
        check(Events.CONTENT_REPORTED, a, Map.of("reportId", report, "targetKind", "post", "targetId", post,
                "targetAuthorId", a, "reporterId", b, "reason", "spam", "comment", "why",
                "snapshot", "edited #events"));
        check(Events.COMMENT_DELETED, b, Map.of("commentId", comment, "postId", post, "authorId", b, "deletedBy", a));
        check(Events.POST_DELETED, a, Map.of("postId", post, "authorId", a));
    }

    @Test
    void mentionsGoOnlyToNewlyMentionedUsersWhoMayReadThePostAndReactionsOnlyWhenTheyChange() {
        TestUser ada = TestUsers.signedUp();
        TestUser friend = TestUsers.signedUp();
        TestUser stranger = TestUsers.signedUp();
        TestUser later = TestUsers.signedUp();
        TestUser marker = TestUsers.signedUp();
        TestUsers.befriend(ada, friend);
        TestUsers.befriend(ada, later);
        String post = ada.post("@" + friend.username() + " @" + stranger.username() + " @" + ada.username(), "friends");
        ada.json(Map.of("text", "@" + friend.username() + " @" + later.username())).patch("/api/posts/" + post)
                .then().statusCode(200);
        friend.json(Map.of("reaction", "like")).put("/api/posts/" + post + "/reactions/mine").then().statusCode(200);
        friend.json(Map.of("reaction", "like")).put("/api/posts/" + post + "/reactions/mine").then().statusCode(200);
        friend.json(Map.of("reaction", "sad")).put("/api/posts/" + post + "/reactions/mine").then().statusCode(200);
        // markers: later events with the same keys, so everything before them has been relayed
        String markerPost = ada.post("@" + marker.username(), "public");
        TestEvents.await(Events.MENTION_CREATED.topic(), r -> r.value().contains(markerPost), WAIT);
        marker.json(Map.of("reaction", "love")).put("/api/posts/" + markerPost + "/reactions/mine").then().statusCode(200);
        friend.json(Map.of("reaction", "wow")).put("/api/posts/" + markerPost + "/reactions/mine").then().statusCode(200);
        TestEvents.await(Events.REACTION_ADDED.topic(), r -> r.value().contains(markerPost)
                && r.value().contains(friend.id().toString()), WAIT);

        List<ConsumerRecord<String, String>> mentions = all(Events.MENTION_CREATED.topic(), post);
        assertEquals(new TreeSet<>(List.of(friend.id().toString(), later.id().toString())),
                new TreeSet<>(mentions.stream().map(ConsumerRecord::key).toList()),
                "the friend on create, the later friend on edit; never the stranger or the author");
        assertEquals(2, mentions.size(), "nobody is told twice");
        List<String> reactions = all(Events.REACTION_ADDED.topic(), post).stream()
                .map(r -> parse(r.value()).get("reaction").asText()).toList();
        assertEquals(List.of("like", "sad"), reactions, "the same reaction twice is one event");
    }

    @Test
    void aUserReportHasNoSnapshotAndAReportedCommentKeepsItsTextAtTheTime() throws IOException {
        TestUser ada = TestUsers.signedUp();
        TestUser bob = TestUsers.signedUp();
        String post = ada.post("post", "public");
        String comment = ada.json(Map.of("text", "the original")).post("/api/posts/" + post + "/comments").then()
                .statusCode(201).extract().path("id");
        String r1 = bob.json(Map.of("targetKind", "comment", "targetId", comment, "reason", "harassment"))
                .post("/api/reports").then().statusCode(202).extract().path("id");
        ada.json(Map.of("text", "softened")).patch("/api/comments/" + comment).then().statusCode(200);
        String r2 = bob.json(Map.of("targetKind", "user", "targetId", ada.id().toString(), "reason", "other"))
                .post("/api/reports").then().statusCode(202).extract().path("id");
        check(Events.CONTENT_REPORTED, ada.id().toString(), Map.of("reportId", r1, "snapshot", "the original",
                "targetKind", "comment"));
        JsonNode user = check(Events.CONTENT_REPORTED, ada.id().toString(), Map.of("reportId", r2, "targetKind", "user",
                "targetId", ada.id().toString()));
        assertTrue(!user.hasNonNull("snapshot"), "no snapshot for a user report");
        // bad reports
        bob.json(Map.of("targetKind", "page", "targetId", post, "reason", "spam")).post("/api/reports").then().statusCode(400);
        bob.json(Map.of("targetKind", "post", "targetId", post, "reason", "boring")).post("/api/reports").then().statusCode(400);
        bob.json(Map.of("targetKind", "post", "targetId", "nope", "reason", "spam")).post("/api/reports").then().statusCode(400);
        bob.json(Map.of("targetKind", "post", "targetId", post, "reason", "spam", "comment", "x".repeat(1001)))
                .post("/api/reports").then().statusCode(400);
        bob.json(Map.of("targetKind", "post", "targetId", UUID.randomUUID().toString(), "reason", "spam"))
                .post("/api/reports").then().statusCode(404);
        bob.json(Map.of("targetKind", "user", "targetId", UUID.randomUUID().toString(), "reason", "spam"))
                .post("/api/reports").then().statusCode(404);
        ada.json(Map.of("targetKind", "post", "targetId", post, "reason", "spam")).post("/api/reports").then().statusCode(422);
        String friendsOnly = ada.post("friends only", "friends");
        bob.json(Map.of("targetKind", "post", "targetId", friendsOnly, "reason", "spam")).post("/api/reports").then()
                .statusCode(404);
    }

    /** The record of {@code type} whose data has all of {@code fields}; checks envelope, key and schema. */
    private static JsonNode check(EventType<?> type, String key, Map<String, String> fields) throws IOException {
        ConsumerRecord<String, String> record = TestEvents.await(type.topic(), r -> {
            JsonNode data = parse(r.value());
            return fields.entrySet().stream().allMatch(f -> data.hasNonNull(f.getKey())
                    && data.get(f.getKey()).asText().equals(f.getValue()));
        }, WAIT);
        String what = type.topic();
        assertEquals(key, record.key(), what + ": key");
        assertEquals(type.type(), TestEvents.header(record, "ce_type"), what);
        assertEquals("/chorus/content", TestEvents.header(record, "ce_source"), what);
        assertEquals(key, TestEvents.header(record, "ce_subject"), what);
        assertNotNull(UUID.fromString(TestEvents.header(record, "ce_id")), what);
        JsonNode data = parse(record.value());
        fitsSchema(what, data);
        return data;
    }

    private static void fitsSchema(String topic, JsonNode data) throws IOException {
        JsonNode schema;
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/chorus/schemas/" + topic + ".v1.json")) {
            assertNotNull(in, "chorus-events ships a schema for " + topic);
            schema = JSON.readTree(in);
        }
        schema.get("required").forEach(r -> assertTrue(data.hasNonNull(r.asText()), topic + " has " + r.asText()));
        Set<String> allowed = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(allowed::add);
        data.fieldNames().forEachRemaining(f -> assertTrue(allowed.contains(f), topic + ": " + f + " is in the schema"));
        schema.get("properties").fields().forEachRemaining(p -> {
            JsonNode value = data.get(p.getKey());
            if (value == null || value.isNull()) {
                return;
            }
            switch (p.getValue().path("format").asText()) {
                case "uuid" -> UUID.fromString(value.asText());
                case "date-time" -> OffsetDateTime.parse(value.asText());
                default -> { }
            }
        });
    }

    /** Every record on the topic (read until it is quiet) whose data names the post. */
    private static List<ConsumerRecord<String, String>> all(String topic, String postId) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "contract-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline && System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
                var records = consumer.poll(Duration.ofMillis(250));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                    records.forEach(seen::add);
                }
            }
        }
        return seen.stream().filter(r -> r.value().contains(postId)).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
