package org.chorus.local.bad;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Gives a member a role the way admin does: a {@code role-granted} CloudEvent (binary mode, as the outbox relay writes
 * it) that login applies to the account, so the member's next token carries the role. The suite has no administrator
 * to grant it through admin's API yet (the first ones are meant to come from {@code CHORUS_BOOTSTRAP_ADMINS}).
 */
public final class RoleGrants {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RoleGrants() {
    }

    public static void grant(String kafkaBootstrap, String userId, String role) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        String payload = MAPPER.createObjectNode().put("userId", userId).put("role", role).putNull("grantedBy")
                .put("grantedAt", Instant.now().toString()).toString();
        ProducerRecord<String, String> record = new ProducerRecord<>("role-granted", userId, payload);
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_type", "chorus.role-granted.v1");
        header(record, "ce_source", "/chorus/e2e-tests");
        header(record, "ce_subject", userId);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish role-granted", e);
        }
    }

    /** Whether the access token's {@code groups} claim holds the role (read, not verified: the suite verifies). */
    public static boolean carries(String accessToken, String role) {
        try {
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
            for (JsonNode group : claims.path("groups")) {
                if (group.asText().equals(role)) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
