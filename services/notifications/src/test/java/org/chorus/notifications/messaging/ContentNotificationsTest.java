package org.chorus.notifications.messaging;

import static org.awaitility.Awaitility.await;
import static org.chorus.notifications.support.People.WAIT;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.events.Events;
import org.chorus.events.admin.ContentHidden;
import org.chorus.events.content.CommentCreated;
import org.chorus.events.content.CommentDeleted;
import org.chorus.events.content.MentionCreated;
import org.chorus.events.content.PostDeleted;
import org.chorus.events.content.ReactionAdded;
import org.chorus.notifications.support.People;
import org.chorus.notifications.support.People.Person;
import org.chorus.notifications.support.Store;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ContentNotificationsTest {

    @Inject
    Store store;

    private static String comment(
            UUID commentId, UUID postId, Person postAuthor, Person author, UUID parent, Person parentAuthor) {
        return TestEvents.publish(
                Events.COMMENT_CREATED,
                author.id().toString(),
                new CommentCreated(
                        commentId,
                        postId,
                        postAuthor.id(),
                        author.id(),
                        parent,
                        parentAuthor == null ? null : parentAuthor.id(),
                        "nice one",
                        Instant.now()));
    }

    private void awaitHandled(String... events) {
        await("handled").atMost(WAIT).until(() -> Arrays.stream(events).allMatch(store::handled));
    }

    @Test
    void commentsOnMyPostGroupRepliesGoToTheParentsAuthorAndMyOwnCommentsNotifyNoOne() {
        Person me = People.known(store);
        Person a = People.known(store);
        Person b = People.known(store);
        UUID post = UUID.randomUUID();
        UUID aComment = UUID.randomUUID();
        awaitHandled(
                comment(aComment, post, me, a, null, null),
                comment(UUID.randomUUID(), post, me, b, null, null),
                comment(UUID.randomUUID(), post, me, me, null, null));
        me.api()
                .queryParam("kind", "comment")
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].actorCount", equalTo(2))
                .body("items[0].targetKind", equalTo("post"))
                .body("items[0].targetId", equalTo(post.toString()))
                .body("items[0].actors.username", contains(b.username(), a.username()));

        // b replies to a's comment on my post: a gets a reply, I get one more comment
        awaitHandled(comment(UUID.randomUUID(), post, me, b, aComment, a));
        a.api()
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("reply"))
                .body("items[0].targetId", equalTo(aComment.toString()));
        // I replied to a: a hears it as a reply, not also as a comment on my post
        awaitHandled(comment(UUID.randomUUID(), post, me, me, aComment, a));
        a.api().get("/api/notifications").then().body("items", hasSize(1)).body("items[0].actorCount", equalTo(2));
    }

    @Test
    void reactionsAndMentionsNotifyTheirTargetsAuthor() {
        Person me = People.known(store);
        Person a = People.known(store);
        UUID post = UUID.randomUUID();
        UUID comment = UUID.randomUUID();
        awaitHandled(
                TestEvents.publish(
                        Events.REACTION_ADDED,
                        a.id().toString(),
                        new ReactionAdded("post", post, post, me.id(), a.id(), "love", Instant.now())),
                TestEvents.publish(
                        Events.REACTION_ADDED,
                        a.id().toString(),
                        new ReactionAdded("comment", comment, post, me.id(), a.id(), "laugh", Instant.now())),
                TestEvents.publish(
                        Events.MENTION_CREATED,
                        me.id().toString(),
                        new MentionCreated(post, comment, a.id(), me.id(), Instant.now())));
        me.api()
                .queryParam("kind", "reaction")
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
        me.api()
                .queryParam("kind", "mention")
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].targetKind", equalTo("comment"))
                .body("items[0].actors[0].id", equalTo(a.id().toString()));
        // a reaction to a "page" is not something content sends: dead-lettered, nothing made
        String bad = TestEvents.publish(
                Events.REACTION_ADDED,
                a.id().toString(),
                new ReactionAdded("page", UUID.randomUUID(), post, me.id(), a.id(), "wow", Instant.now()));
        TestEvents.await(
                Events.REACTION_ADDED.deadLetterTopic("notifications"),
                r -> bad.equals(TestEvents.header(r, "ce_id")),
                WAIT);
        assertEquals(3, store.notifications(me.id()));
    }

    @Test
    void aDeletedCommentLeavesItsGroupAndTakesItsRepliesReactionsAndMentionsAway() {
        Person me = People.known(store);
        Person a = People.known(store);
        Person b = People.known(store);
        UUID post = UUID.randomUUID();
        UUID mine = UUID.randomUUID();
        UUID aComment = UUID.randomUUID();
        awaitHandled(
                comment(mine, post, a, me, null, null),
                comment(aComment, post, me, a, mine, me),
                comment(UUID.randomUUID(), post, me, b, null, null),
                TestEvents.publish(
                        Events.REACTION_ADDED,
                        a.id().toString(),
                        new ReactionAdded("comment", mine, post, me.id(), a.id(), "like", Instant.now())));
        assertEquals(3, store.notifications(me.id())); // a's reply, b's comment, a's reaction
        awaitHandled(TestEvents.publish(
                Events.COMMENT_DELETED,
                a.id().toString(),
                new CommentDeleted(aComment, post, a.id(), a.id(), Instant.now())));
        assertEquals(2, store.notifications(me.id()), "the reply is gone");
        awaitHandled(TestEvents.publish(
                Events.COMMENT_DELETED,
                me.id().toString(),
                new CommentDeleted(mine, post, me.id(), me.id(), Instant.now())));
        me.api().get("/api/notifications").then().body("items", hasSize(1)).body("items[0].kind", equalTo("comment"));
        // a late event about the deleted comment makes nothing
        awaitHandled(TestEvents.publish(
                Events.REACTION_ADDED,
                b.id().toString(),
                new ReactionAdded("comment", mine, post, me.id(), b.id(), "sad", Instant.now())));
        assertEquals(1, store.notifications(me.id()));
    }

    @Test
    void aDeletedOrHiddenPostTakesEverythingAboutItAwayForEveryoneAndForLater() {
        Person me = People.known(store);
        Person a = People.known(store);
        Person b = People.known(store);
        UUID post = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID aComment = UUID.randomUUID();
        awaitHandled(
                comment(aComment, post, me, a, null, null),
                comment(UUID.randomUUID(), post, me, b, aComment, a),
                comment(UUID.randomUUID(), other, me, a, null, null));
        assertEquals(2, store.notifications(me.id()));
        assertEquals(1, store.notifications(a.id()));
        awaitHandled(TestEvents.publish(
                Events.POST_DELETED, me.id().toString(), new PostDeleted(post, me.id(), Instant.now())));
        assertEquals(1, store.notifications(me.id()), "only the other post's comment stays");
        assertEquals(0, store.notifications(a.id()), "the reply on the deleted post is gone for a too");
        awaitHandled(comment(UUID.randomUUID(), post, me, b, null, null));
        assertEquals(1, store.notifications(me.id()), "a comment arriving after the deletion makes nothing");

        awaitHandled(TestEvents.publish(
                Events.CONTENT_HIDDEN,
                me.id().toString(),
                new ContentHidden(
                        "post", other, me.id(), "spam", UUID.randomUUID(), null, UUID.randomUUID(), Instant.now())));
        me.api()
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("sanction"))
                .body("items[0].data.action", equalTo("hide"))
                .body("items[0].data.reason", equalTo("spam"));
    }
}
