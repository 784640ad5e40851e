package org.chorus.notifications.service;

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
 * notifications' part of a data export (data-export-requested → data-export-part through the outbox, in the
 * inbox's transaction): the member's in-app notifications, mail preferences, blocks and mutes as notifications
 * knows them, and the delivery log of mails to their address — kinds, states and times, never the mails' data
 * (it held one-time links).
 */
@ApplicationScoped
public class NotificationsExportPart {

    static final String SERVICE = "notifications";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final Directory directory;

    NotificationsExportPart(EntityManager entityManager, ObjectMapper json, Outbox outbox, Directory directory) {
        this.entityManager = entityManager;
        this.json = json;
        this.outbox = outbox;
        this.directory = directory;
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
        String email = directory.member(userId).map(Directory.Member::email).orElse(null);
        part.put(
                "notifications",
                rows("""
                        select id, kind, target_kind, target_id, cast(data as text), read, created_at, updated_at
                        from {h-schema}notification where user_id = :id order by created_at""", userId, "id", "kind", "targetKind", "targetId", "data", "read", "createdAt", "updatedAt"));
        part.put("mailPreferences", rows("""
                        select friend_requests, comments, mentions, digest, updated_at
                        from {h-schema}mail_preference where user_id = :id""", userId, "friendRequests", "comments", "mentions", "digest", "updatedAt"));
        part.put(
                "blocksAndMutes",
                rows(
                        "select other_id, kind, created_at from {h-schema}relation where user_id = :id order by created_at",
                        userId,
                        "otherUserId",
                        "kind",
                        "createdAt"));
        part.put(
                "mails",
                email == null ? List.of() : rows("""
                                select kind, status, attempts, created_at, sent_at from {h-schema}delivery
                                where recipient = :id order by created_at""", email, "kind", "status", "attempts", "createdAt", "sentAt"));
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write notifications' export part", e);
        }
    }

    private List<Map<String, Object>> rows(String sql, Object key, String... names) {
        @SuppressWarnings("unchecked")
        List<Object> rows =
                entityManager.createNativeQuery(sql).setParameter("id", key).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object row : rows) {
            Object[] values = row instanceof Object[] a ? a : new Object[] {row};
            Map<String, Object> item = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                item.put(names[i], value(names[i], values[i]));
            }
            out.add(item);
        }
        return out;
    }

    private Object value(String name, Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if ("data".equals(name) && value instanceof String text) {
            try {
                return json.readTree(text);
            } catch (JsonProcessingException e) {
                return text;
            }
        }
        return value;
    }
}
