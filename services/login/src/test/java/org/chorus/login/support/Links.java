package org.chorus.login.support;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.EventType;
import org.chorus.testing.TestEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the single-use links login publishes for notifications to mail. */
public final class Links {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Links() {}

    /** The data of the first event of that type for the user whose link is not among {@code seen}. */
    public static JsonNode awaitEvent(EventType<?> type, UUID userId, Set<String> seenLinks) {
        ConsumerRecord<String, String> record = TestEvents.await(
                type.topic(),
                r -> userId.toString().equals(r.key())
                        && !seenLinks.contains(read(r.value()).path("link").asText()),
                Duration.ofSeconds(20));
        return read(record.value());
    }

    public static JsonNode awaitEvent(EventType<?> type, UUID userId) {
        return awaitEvent(type, userId, Set.of());
    }

    /** The token query parameter of a link. */
    public static String token(JsonNode event) {
        String link = event.get("link").asText();
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    /** The path and query of a link (it names the public URL; tests call the service directly). */
    public static String pathOf(JsonNode event) {
        String link = event.get("link").asText();
        return link.substring(link.indexOf("/api/"));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
