package org.chorus.content.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.content.support.TestUsers;
import org.chorus.content.support.TestUsers.TestUser;
import org.chorus.events.Events;
import org.chorus.events.privacy.DataExportChunks;
import org.chorus.events.privacy.DataExportRequested;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** content answers data-export-requested with its part: the user's posts, comments and reactions. */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DataExportPartTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theUsersPostsCommentsAndReactionsAreExportedAndNobodyElses() {
        TestUser me = TestUsers.signedUp();
        TestUser other = TestUsers.signedUp();
        String mine = me.post("my own words", "public");
        String theirs = other.post("someone else's words", "public");
        me.json(Map.of("text", "a reply of mine"))
                .post("/api/posts/" + theirs + "/comments")
                .then()
                .statusCode(201);
        me.json(Map.of("reaction", "love"))
                .put("/api/posts/" + theirs + "/reactions/mine")
                .then()
                .statusCode(200);

        UUID exportId = UUID.randomUUID();
        TestEvents.publish(
                Events.DATA_EXPORT_REQUESTED,
                me.id().toString(),
                new DataExportRequested(exportId, me.id(), Instant.now()));
        ConsumerRecord<String, String> record =
                TestEvents.await(Events.DATA_EXPORT_PART.topic(), r -> r.value().contains(exportId.toString()), WAIT);
        JsonPath part = JsonPath.from(record.value());
        assertEquals("content", part.getString("service"));
        JsonPath document =
                JsonPath.from(new String(DataExportChunks.decode(part.getString("content")), StandardCharsets.UTF_8));
        assertEquals(List.of(mine), document.getList("posts.id"));
        assertEquals(List.of("my own words"), document.getList("posts.text"));
        assertEquals(List.of("a reply of mine"), document.getList("comments.text"));
        assertEquals(List.of(theirs), document.getList("reactions.targetId"));
        assertEquals(List.of(), document.getList("reportsFiled"));
    }
}
