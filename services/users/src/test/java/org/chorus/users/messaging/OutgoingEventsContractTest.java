package org.chorus.users.messaging;

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
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chorus.events.EventType;
import org.chorus.events.Events;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The producer side of the event contracts: every event this service publishes, as it really arrives
 * on Kafka, is a CloudEvent with the documented type, source, subject and key, and its data fits the
 * JSON Schema shipped in chorus-events (the one outside consumers read).
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OutgoingEventsContractTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPublishedEventIsACloudEventWhoseDataFitsItsSchema() throws IOException {
        TestUser me = TestUsers.existing();
        TestUser them = TestUsers.existing();

        String request = me.request()
                .contentType(ContentType.JSON)
                .body(Map.of("toUserId", them.id().toString()))
                .post("/api/friends/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        them.request()
                .post("/api/friends/requests/" + request + "/accept")
                .then()
                .statusCode(200);
        me.request().delete("/api/friends/" + them.id()).then().statusCode(204);
        me.request().put("/api/users/me/mutes/" + them.id()).then().statusCode(204);
        me.request().delete("/api/users/me/mutes/" + them.id()).then().statusCode(204);
        me.request().put("/api/users/me/blocks/" + them.id()).then().statusCode(204);
        me.request().delete("/api/users/me/blocks/" + them.id()).then().statusCode(204);

        String a = me.id().toString();
        String b = them.id().toString();
        check(Events.FRIEND_REQUEST_SENT, b, Map.of("requestId", request, "fromUserId", a, "toUserId", b));
        check(Events.FRIENDSHIP_CREATED, b, Map.of("userId", b, "friendId", a));
        check(Events.FRIENDSHIP_REMOVED, a, Map.of("userId", a, "friendId", b));
        check(Events.USER_MUTED, a, Map.of("muterId", a, "mutedId", b));
        check(Events.USER_UNMUTED, a, Map.of("muterId", a, "mutedId", b));
        check(Events.USER_BLOCKED, a, Map.of("blockerId", a, "blockedId", b));
        check(Events.USER_UNBLOCKED, a, Map.of("blockerId", a, "blockedId", b));
    }

    @Test
    void repeatingAnIdempotentBlockOrMutePublishesNoSecondEvent() {
        TestUser me = TestUsers.existing();
        TestUser them = TestUsers.existing();
        TestUser marker = TestUsers.existing();
        me.request().put("/api/users/me/blocks/" + them.id()).then().statusCode(204);
        me.request().put("/api/users/me/blocks/" + them.id()).then().statusCode(204);
        me.request().put("/api/users/me/mutes/" + marker.id()).then().statusCode(204);
        me.request().put("/api/users/me/mutes/" + marker.id()).then().statusCode(204);
        // a later event with the same key lands behind any duplicate in the same partition
        me.request().put("/api/users/me/blocks/" + marker.id()).then().statusCode(204);

        assertEquals(
                1,
                count(Events.USER_BLOCKED.topic(), me.id(), them.id(), marker.id()),
                "one user-blocked for two identical PUTs");
        // the mute of marker was followed by the block of marker (same key, later) on another topic, so
        // wait for that block first: by then the relay has sent every older row
        assertEquals(1, count(Events.USER_MUTED.topic(), me.id(), marker.id(), null), "one user-muted for two PUTs");
    }

    /** The record of {@code type} whose data has all of {@code fields}; checks envelope, key and schema. */
    private static void check(EventType<?> type, String key, Map<String, String> fields) throws IOException {
        Predicate<ConsumerRecord<String, String>> match = r -> {
            JsonNode data = parse(r.value());
            return fields.entrySet().stream()
                    .allMatch(f -> data.hasNonNull(f.getKey())
                            && data.get(f.getKey()).asText().equals(f.getValue()));
        };
        ConsumerRecord<String, String> record = TestEvents.await(type.topic(), match, WAIT);
        String what = type.topic();
        assertEquals(key, record.key(), what + ": key = the aggregate (documented in the README)");
        assertEquals("1.0", TestEvents.header(record, "ce_specversion"), what);
        assertEquals(type.type(), TestEvents.header(record, "ce_type"), what);
        assertEquals("/chorus/users", TestEvents.header(record, "ce_source"), what);
        assertEquals(key, TestEvents.header(record, "ce_subject"), what);
        assertNotNull(UUID.fromString(TestEvents.header(record, "ce_id")), what);
        assertNotNull(OffsetDateTime.parse(TestEvents.header(record, "ce_time")), what);
        String contentType = TestEvents.header(record, "content-type");
        assertTrue(contentType == null || contentType.startsWith("application/json"), what + ": " + contentType);
        fitsSchema(what, parse(record.value()));
    }

    /** The checks of the schema's vocabulary these schemas use: required, type, uuid/date-time formats, no extras. */
    private static void fitsSchema(String topic, JsonNode data) throws IOException {
        JsonNode schema;
        try (InputStream in = Thread.currentThread()
                .getContextClassLoader()
                .getResourceAsStream("META-INF/chorus/schemas/" + topic + ".v1.json")) {
            assertNotNull(in, "chorus-events ships a schema for " + topic);
            schema = JSON.readTree(in);
        }
        assertEquals("object", schema.get("type").asText());
        schema.get("required").forEach(r -> assertTrue(data.hasNonNull(r.asText()), topic + " has " + r.asText()));
        Set<String> allowed = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(allowed::add);
        data.fieldNames()
                .forEachRemaining(f -> assertTrue(allowed.contains(f), topic + ": " + f + " is in the schema"));
        schema.get("properties").fields().forEachRemaining(p -> {
            JsonNode value = data.get(p.getKey());
            if (value == null || value.isNull()) {
                return;
            }
            JsonNode spec = p.getValue();
            if ("string".equals(spec.path("type").asText())) {
                assertTrue(value.isTextual(), topic + "." + p.getKey() + " is a string");
                switch (spec.path("format").asText()) {
                    case "uuid" -> UUID.fromString(value.asText());
                    case "date-time" -> OffsetDateTime.parse(value.asText());
                    default -> {}
                }
            }
        });
    }

    /** How many records on the topic, keyed by {@code key}, name {@code subject}; read up to the marker record. */
    private static int count(String topic, UUID key, UUID subject, UUID marker) {
        TestEvents.await(
                topic,
                r -> r.key().equals(key.toString())
                        && r.value().contains(marker == null ? subject.toString() : marker.toString()),
                WAIT);
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
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
            // read until the topic has been quiet for 2 s (everything already there has been seen)
            while (System.nanoTime() < deadline
                    && System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos()) {
                var records = consumer.poll(Duration.ofMillis(250));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                    records.forEach(seen::add);
                }
            }
        }
        return (int) seen.stream()
                .filter(r -> r.key().equals(key.toString()))
                .filter(r -> r.value().contains(subject.toString()))
                .count();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
