package org.chorus.content.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.privacy.DataExportChunks;
import org.chorus.events.privacy.DataExportPart;
import org.chorus.events.privacy.DataExportRequested;
import org.chorus.outbox.Outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * content's part of a data export (data-export-requested → data-export-part through the outbox, in the inbox's
 * transaction): the user's posts and their earlier versions, comments, reactions and the reports they filed (not
 * reports about them: reporters stay hidden). Other people appear only as ids.
 */
@ApplicationScoped
public class ContentExportPart {

    static final String SERVICE = "content";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Outbox outbox;

    ContentExportPart(EntityManager entityManager, ObjectMapper json, Outbox outbox) {
        this.entityManager = entityManager;
        this.json = json;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(DataExportRequested request) {
        if (request.exportId() == null || request.userId() == null) {
            throw new IllegalArgumentException("data-export-requested lacks exportId or userId");
        }
        UUID userId = request.userId();
        for (DataExportPart part :
                DataExportChunks.split(request.exportId(), userId, SERVICE, document(userId), Instant.now())) {
            outbox.publish(Events.DATA_EXPORT_PART, userId, part);
        }
    }

    private byte[] document(UUID userId) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("service", SERVICE);
        part.put("userId", userId);
        part.put(
                "posts",
                rows(
                        """
                        select id, text, visibility, language, cast(entities as text), created_at, edited_at, version,
                               hidden
                        from {h-schema}post where author_id = :id order by created_at""",
                        userId,
                        "id",
                        "text",
                        "visibility",
                        "language",
                        "entities",
                        "createdAt",
                        "editedAt",
                        "version",
                        "hidden"));
        part.put("postVersions", rows("""
                        select v.post_id, v.number, v.text, v.visibility, v.language, v.edited_at
                        from {h-schema}post_version v join {h-schema}post p on p.id = v.post_id
                        where p.author_id = :id order by v.post_id, v.number""", userId, "postId", "number", "text", "visibility", "language", "editedAt"));
        part.put("comments", rows("""
                        select id, post_id, parent_id, text, created_at, edited_at, hidden from {h-schema}comment
                        where author_id = :id order by created_at""", userId, "id", "postId", "parentId", "text", "createdAt", "editedAt", "hidden"));
        part.put("reactions", rows("""
                        select target_kind, target_id, reaction, reacted_at from {h-schema}reaction
                        where user_id = :id order by reacted_at""", userId, "targetKind", "targetId", "reaction", "reactedAt"));
        part.put("reportsFiled", rows("""
                        select id, target_kind, target_id, reason, comment, created_at from {h-schema}report
                        where reporter_id = :id order by created_at""", userId, "id", "targetKind", "targetId", "reason", "comment", "createdAt"));
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write content's export part", e);
        }
    }

    private List<Map<String, Object>> rows(String sql, UUID userId, String... names) {
        @SuppressWarnings("unchecked")
        List<Object> rows =
                entityManager.createNativeQuery(sql).setParameter("id", userId).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object row : rows) {
            Object[] values = row instanceof Object[] a ? a : new Object[] {row};
            Map<String, Object> item = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                Object value = values[i];
                if ("entities".equals(names[i]) && value instanceof String text) {
                    item.put(names[i], tree(text));
                    continue;
                }
                item.put(
                        names[i],
                        value instanceof Timestamp t
                                ? t.toInstant()
                                : value instanceof OffsetDateTime o ? o.toInstant() : value);
            }
            out.add(item);
        }
        return out;
    }

    private Object tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
