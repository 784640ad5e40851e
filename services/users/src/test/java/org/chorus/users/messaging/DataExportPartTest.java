package org.chorus.users.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** users answers data-export-requested with its part: the profile and the user's side of the graph. */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DataExportPartTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JsonPath partFor(UUID userId) {
        UUID exportId = UUID.randomUUID();
        TestEvents.publish(
                Events.DATA_EXPORT_REQUESTED,
                userId.toString(),
                new DataExportRequested(exportId, userId, Instant.now()));
        ConsumerRecord<String, String> record =
                TestEvents.await(Events.DATA_EXPORT_PART.topic(), r -> r.value().contains(exportId.toString()), WAIT);
        assertEquals(userId.toString(), record.key());
        JsonPath part = JsonPath.from(record.value());
        assertEquals("users", part.getString("service"));
        assertEquals(1, part.getInt("chunks"));
        return JsonPath.from(new String(DataExportChunks.decode(part.getString("content")), StandardCharsets.UTF_8));
    }

    @Test
    void theProfileAndTheUsersBlocksAreExported() {
        TestUser me = TestUsers.signedUp();
        TestUser them = TestUsers.existing();
        me.request().put("/api/users/me/blocks/" + them.id()).then().statusCode(204);

        JsonPath document = partFor(me.id());
        assertEquals(me.id().toString(), document.getString("userId"));
        assertEquals(me.username(), document.getString("profile.username"));
        assertEquals(List.of(them.id().toString()), document.getList("blocks.userId"));
        assertEquals(List.of(), document.getList("friends"));
    }

    @Test
    void aUserWithoutAProfileAnswersWithAnEmptyPart() {
        JsonPath document = partFor(UUID.randomUUID());
        assertNull(document.get("profile"));
        assertEquals(List.of(), document.getList("blocks"));
    }
}
