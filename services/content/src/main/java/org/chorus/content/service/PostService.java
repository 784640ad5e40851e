package org.chorus.content.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.content.Entities;
import org.chorus.web.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writing posts: create, edit (every save is a version), delete; each change publishes its event. */
@ApplicationScoped
public class PostService {

    /** What an edit changes; null fields stay as they are, an empty language clears it. */
    public record Edit(String text, String visibility, String language) {
    }

    private final EntityManager em;
    private final PostReader reader;
    private final Directory directory;
    private final Mentions mentions;
    private final ContentEvents events;
    private final ObjectMapper json;

    PostService(EntityManager em, PostReader reader, Directory directory, Mentions mentions, ContentEvents events,
                ObjectMapper json) {
        this.em = em;
        this.reader = reader;
        this.directory = directory;
        this.mentions = mentions;
        this.events = events;
        this.json = json;
    }

    @Transactional
    public PostView create(Viewer author, String text, String visibility, String language) {
        knowAuthor(author);
        UUID id = UUID.randomUUID();
        Instant now = Now.micros();
        Entities entities = mentions.of(text);
        em.createNativeQuery("""
                        insert into {h-schema}post (id, author_id, text, visibility, language, entities, created_at)
                        values (:id, :author, :text, :visibility, cast(:language as text), cast(:entities as jsonb), :now)""")
                .setParameter("id", id).setParameter("author", author.id()).setParameter("text", text)
                .setParameter("visibility", visibility).setParameter("language", language)
                .setParameter("entities", write(entities)).setParameter("now", now)
                .executeUpdate();
        version(id, 1, text, visibility, language, author.id(), now);
        tags(id, entities, now);
        events.postCreated(id, author.id(), visibility, language, text, entities, now);
        mentioned(id, null, author.id(), entities, Set.of(), now);
        return reader.one(author, id).orElseThrow();
    }

    /** Only the author edits; someone who may read the post gets 403, anyone else 404. */
    @Transactional
    public PostView edit(Viewer viewer, UUID id, Edit edit) {
        PostView current = reader.one(viewer, id).orElseThrow(() -> ProblemException.notFound("Post"));
        requireAuthor(viewer, current.author().id(), "edit");
        // the row lock orders concurrent edits: version numbers never collide
        Object[] row = (Object[]) em.createNativeQuery(
                        "select text, visibility, language, version, created_at from {h-schema}post where id = :id for update")
                .setParameter("id", id).getSingleResult();
        String text = edit.text() != null ? edit.text() : (String) row[0];
        String visibility = edit.visibility() != null ? edit.visibility() : (String) row[1];
        String language = edit.language() != null ? (edit.language().isEmpty() ? null : edit.language()) : (String) row[2];
        if (text.equals(row[0]) && visibility.equals(row[1]) && java.util.Objects.equals(language, row[2])) {
            return current;
        }
        int number = (int) Rows.number(row[3]) + 1;
        Instant now = Now.micros();
        Entities entities = mentions.of(text);
        em.createNativeQuery("""
                        update {h-schema}post set text = :text, visibility = :visibility, language = cast(:language as text),
                               entities = cast(:entities as jsonb), edited_at = :now, version = :number where id = :id""")
                .setParameter("text", text).setParameter("visibility", visibility).setParameter("language", language)
                .setParameter("entities", write(entities)).setParameter("now", now).setParameter("number", number)
                .setParameter("id", id).executeUpdate();
        version(id, number, text, visibility, language, viewer.id(), now);
        em.createNativeQuery("delete from {h-schema}post_tag where post_id = :id").setParameter("id", id).executeUpdate();
        tags(id, entities, Rows.instant(row[4]));
        events.postUpdated(id, viewer.id(), visibility, language, text, number, entities, now);
        Set<UUID> before = new HashSet<>();
        current.entities().mentions().forEach(m -> before.add(m.userId()));
        mentioned(id, null, viewer.id(), entities, before, now);
        return reader.one(viewer, id).orElseThrow();
    }

    @Transactional
    public void delete(Viewer viewer, UUID id) {
        PostView current = reader.one(viewer, id).orElseThrow(() -> ProblemException.notFound("Post"));
        requireAuthor(viewer, current.author().id(), "delete");
        // versions, tags, comments and reactions go with it (foreign keys, on delete cascade)
        em.createNativeQuery("delete from {h-schema}post where id = :id").setParameter("id", id).executeUpdate();
        events.postDeleted(id, viewer.id(), Now.micros());
    }

    /** A user can act before content has consumed their user-created: the token names them. */
    void knowAuthor(Viewer viewer) {
        if (directory.erased(viewer.id())) {
            throw new ProblemException(403, "account-deleted", "Forbidden", "This account has been deleted");
        }
        directory.upsert(viewer.id(), viewer.username() == null ? "" : viewer.username(), false);
    }

    static void requireAuthor(Viewer viewer, UUID authorId, String action) {
        if (!authorId.equals(viewer.id())) {
            throw new ProblemException(403, "not-author", "Forbidden", "Only the author may " + action + " this");
        }
    }

    /** mention-created for each newly mentioned user who may read the post (never the author). */
    private void mentioned(UUID postId, UUID commentId, UUID authorId, Entities entities, Set<UUID> before, Instant now) {
        Set<UUID> told = new HashSet<>(before);
        told.add(authorId);
        for (Entities.Mention m : entities.mentions()) {
            if (told.add(m.userId()) && reader.one(new Viewer(m.userId(), m.username(), false), postId).isPresent()) {
                events.mentionCreated(postId, commentId, authorId, m.userId(), now);
            }
        }
    }

    private void version(UUID postId, int number, String text, String visibility, String language, UUID by, Instant at) {
        em.createNativeQuery("""
                        insert into {h-schema}post_version (id, post_id, number, text, visibility, language, edited_by, edited_at)
                        values (:id, :post, :number, :text, :visibility, cast(:language as text), :by, :at)""")
                .setParameter("id", UUID.randomUUID()).setParameter("post", postId).setParameter("number", number)
                .setParameter("text", text).setParameter("visibility", visibility).setParameter("language", language)
                .setParameter("by", by).setParameter("at", at).executeUpdate();
    }

    private void tags(UUID postId, Entities entities, Instant createdAt) {
        List<String> distinct = entities.hashtags().stream().map(Entities.Hashtag::tag).distinct().toList();
        for (String tag : distinct) {
            em.createNativeQuery("insert into {h-schema}post_tag (post_id, tag, created_at) values (:post, :tag, :at)")
                    .setParameter("post", postId).setParameter("tag", tag).setParameter("at", createdAt).executeUpdate();
        }
    }

    private String write(Entities entities) {
        try {
            return json.writeValueAsString(entities);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
