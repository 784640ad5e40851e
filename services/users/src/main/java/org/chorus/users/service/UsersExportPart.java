package org.chorus.users.service;

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
 * users' part of a data export (data-export-requested → data-export-part through the outbox, in the inbox's
 * transaction): the profile, friends, friend requests sent and received, blocks, mutes and public keys. The other
 * people appear only as their ids.
 */
@ApplicationScoped
public class UsersExportPart {

    static final String SERVICE = "users";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Outbox outbox;

    UsersExportPart(EntityManager entityManager, ObjectMapper json, Outbox outbox) {
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
        List<Map<String, Object>> profile = rows(
                """
                select username, display_name, bio, website, location, language, visibility, hidden, created_at,
                       updated_at
                from {h-schema}profile where id = :id""",
                userId,
                "username",
                "displayName",
                "bio",
                "website",
                "location",
                "language",
                "visibility",
                "hidden",
                "createdAt",
                "updatedAt");
        part.put("profile", profile.isEmpty() ? null : profile.get(0));
        part.put(
                "friends",
                rows(
                        "select friend_id, created_at from {h-schema}friendship where user_id = :id order by created_at",
                        userId,
                        "userId",
                        "since"));
        part.put("friendRequestsSent", rows("""
                        select to_user_id, created_at from {h-schema}friend_request where from_user_id = :id
                        order by created_at""", userId, "toUserId", "sentAt"));
        part.put("friendRequestsReceived", rows("""
                        select from_user_id, created_at from {h-schema}friend_request where to_user_id = :id
                        order by created_at""", userId, "fromUserId", "receivedAt"));
        part.put(
                "blocks",
                rows(
                        "select blocked_id, created_at from {h-schema}user_block where blocker_id = :id order by created_at",
                        userId,
                        "userId",
                        "since"));
        part.put(
                "mutes",
                rows(
                        "select muted_id, created_at from {h-schema}user_mute where muter_id = :id order by created_at",
                        userId,
                        "userId",
                        "since"));
        part.put("publicKeys", rows("""
                        select id, algorithm, key_data, label, created_at from {h-schema}public_key where user_id = :id
                        order by created_at""", userId, "id", "algorithm", "key", "label", "createdAt"));
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write users' export part", e);
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
}
