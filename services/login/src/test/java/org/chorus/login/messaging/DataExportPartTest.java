package org.chorus.login.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.privacy.DataExportChunks;
import org.chorus.events.privacy.DataExportRequested;
import org.chorus.login.support.Accounts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** login answers data-export-requested with its part: the account and its sessions, never a secret. */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DataExportPartTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JsonPath partFor(UUID exportId, UUID userId) {
        TestEvents.publish(
                Events.DATA_EXPORT_REQUESTED,
                userId.toString(),
                new DataExportRequested(exportId, userId, Instant.now()));
        ConsumerRecord<String, String> record =
                TestEvents.await(Events.DATA_EXPORT_PART.topic(), r -> r.value().contains(exportId.toString()), WAIT);
        assertEquals(userId.toString(), record.key());
        JsonPath part = JsonPath.from(record.value());
        assertEquals("login", part.getString("service"));
        assertEquals(0, part.getInt("chunk"));
        assertEquals(1, part.getInt("chunks"));
        String document = new String(DataExportChunks.decode(part.getString("content")), StandardCharsets.UTF_8);
        assertFalse(document.contains("$argon2"), "no password hash");
        assertFalse(document.toLowerCase().contains("hash"), "no hash of any secret");
        return JsonPath.from(document);
    }

    @Test
    void theAccountAndItsSessionsAreExportedWithoutSecrets() {
        Accounts.SignedUp account = Accounts.signUp();
        String sessionId = org.chorus.login.support.Jwts.claims(account.login().getString("accessToken"))
                .get("sid")
                .toString();
        JsonPath document = partFor(UUID.randomUUID(), account.id());
        assertEquals(account.id().toString(), document.getString("userId"));
        assertEquals(account.email(), document.getString("account.email"));
        assertEquals(account.username(), document.getString("account.username"));
        assertEquals(List.of(sessionId), document.getList("sessions.id"));
        assertEquals(false, document.getBoolean("twoFactor.enabled"));
    }

    @Test
    void anAccountThatIsGoneAnswersWithAnEmptyPart() {
        UUID nobody = UUID.randomUUID();
        JsonPath document = partFor(UUID.randomUUID(), nobody);
        assertNull(document.get("account"));
        assertEquals(List.of(), document.getList("sessions"));
    }
}
