package org.chorus.admin.rest;

import static org.awaitility.Awaitility.await;
import static org.chorus.admin.support.Moderation.WAIT;
import static org.chorus.admin.support.Moderation.admin;
import static org.chorus.admin.support.Moderation.moderator;
import static org.chorus.admin.support.Moderation.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.chorus.admin.support.ModerationRows;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.events.content.PostCreated;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class ModerationStatsTest {

    @Inject
    ModerationRows rows;

    private static JsonPath stats(LocalDate day) {
        return admin().queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/admin/stats")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath stats, String list) {
        List<Map<String, Object>> days = stats.getList(list);
        return days.isEmpty() ? 0 : ((Number) days.get(0).get("count")).longValue();
    }

    @Test
    void postsAreCountedPerDayOncePerEvent() {
        // a day of its own, far in the past, so no other test's posts land on it
        LocalDate day = LocalDate.of(1995, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 5_000));
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        UUID author = UUID.randomUUID();
        String first = TestEvents.publish(Events.POST_CREATED, author.toString(), new PostCreated(UUID.randomUUID(),
                author, "public", "en", "hello", List.of(), List.of(), at));
        TestEvents.publish(Events.POST_CREATED, author.toString(), new PostCreated(UUID.randomUUID(), author,
                "public", null, "again", List.of(), List.of(), at.plusSeconds(60)));
        await().atMost(WAIT).until(() -> count(stats(day), "postsByDay") == 2);
        // redelivered: no third post
        TestEvents.publish(Topics.POST_CREATED, author.toString(), first, Events.POST_CREATED.type(),
                "{\"postId\":\"" + UUID.randomUUID() + "\",\"authorId\":\"" + author + "\",\"visibility\":\"public\","
                        + "\"text\":\"hello\",\"hashtags\":[],\"mentionedUserIds\":[],\"createdAt\":\"" + at + "\"}");
        String marker = TestEvents.publish(Events.POST_CREATED, author.toString(), new PostCreated(UUID.randomUUID(),
                author, "public", null, "elsewhere", List.of(), List.of(), at.minusSeconds(86_400 * 400L)));
        await().atMost(WAIT).until(() -> rows.handled(marker));
        assertEquals(2, count(stats(day), "postsByDay"));
    }

    @Test
    void reportsOpenedAndClosedPerDayAndTheMedianTimeToClose() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath before = stats(today);
        UUID post = UUID.randomUUID();
        report(UUID.randomUUID(), "post", post, UUID.randomUUID(), UUID.randomUUID(), "spam");
        report(UUID.randomUUID(), "post", post, UUID.randomUUID(), UUID.randomUUID(), "spam");
        await().atMost(WAIT).until(() -> rows.openCase("post", post) != null && rows.reportCount(rows.openCase("post", post)) == 2);
        moderator().post("/api/admin/cases/" + rows.openCase("post", post) + "/dismiss").then().statusCode(200);

        JsonPath after = stats(today);
        assertTrue(count(after, "reportsOpenedByDay") >= count(before, "reportsOpenedByDay") + 2);
        assertTrue(count(after, "reportsClosedByDay") >= count(before, "reportsClosedByDay") + 2);
        assertNotNull(after.get("medianSecondsToClose"));
        assertTrue(after.getLong("medianSecondsToClose") >= 0);
    }
}
