package org.chorus.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The resource outside Quarkus: what it starts, the config it hands over, and TestEvents on it. */
class ChorusInfrastructureResourceTest {

    @Test
    void oneSharedInfrastructureAndTheMailCatcherOnlyWhenWanted() throws Exception {
        Map<String, String> withoutMail = start(Map.of(ChorusInfrastructureResource.MAIL, "false"));
        assertEquals(Map.of(), filter(withoutMail, "quarkus.mailer."));
        try (Connection c = DriverManager.getConnection(
                withoutMail.get("quarkus.datasource.jdbc.url"),
                withoutMail.get("quarkus.datasource.username"),
                withoutMail.get("quarkus.datasource.password"))) {
            assertTrue(c.isValid(5));
        }
        assertTrue(withoutMail.get("quarkus.redis.hosts").startsWith("redis://127.0.0.1:"));

        Map<String, String> withMail = start(Map.of(ChorusInfrastructureResource.MAIL, "true"));
        assertEquals(
                withoutMail.get("kafka.bootstrap.servers"),
                withMail.get("kafka.bootstrap.servers"),
                "the same infrastructure, not a second one");
        assertEquals("127.0.0.1", withMail.get("quarkus.mailer.host"));
        assertFalse(withMail.get("quarkus.mailer.port").isBlank());
        HttpResponse<String> api = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        withMail.get(ChorusInfrastructureResource.MAIL_API_URL) + "/api/configuration"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode(), api.body());
        assertTrue(api.body().contains(withMail.get("quarkus.mailer.port")), api.body());
    }

    @Test
    void testEventsPublishesBinaryModeCloudEventsAndFindsThem() {
        Map<String, String> config = start(Map.of(ChorusInfrastructureResource.MAIL, "false"));
        // TestEvents reads kafka.bootstrap.servers from MicroProfile Config, which sees system properties
        System.setProperty("kafka.bootstrap.servers", config.get("kafka.bootstrap.servers"));
        String topic = "probe-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        TestEvents.publish(topic, key, "id-1", "chorus.probe.v1", "{\"n\":1}");

        ConsumerRecord<String, String> record =
                TestEvents.await(topic, r -> key.equals(r.key()), Duration.ofSeconds(60));
        assertEquals("{\"n\":1}", record.value());
        assertEquals("1.0", TestEvents.header(record, "ce_specversion"));
        assertEquals("id-1", TestEvents.header(record, "ce_id"));
        assertEquals("chorus.probe.v1", TestEvents.header(record, "ce_type"));
        assertEquals(key, TestEvents.header(record, "ce_subject"));
        assertEquals("application/json", TestEvents.header(record, "content-type"));
    }

    private static Map<String, String> start(Map<String, String> initArgs) {
        ChorusInfrastructureResource resource = new ChorusInfrastructureResource();
        resource.init(initArgs);
        return resource.start();
    }

    private static Map<String, String> filter(Map<String, String> config, String prefix) {
        return Map.copyOf(config.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
