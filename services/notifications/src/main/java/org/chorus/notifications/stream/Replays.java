package org.chorus.notifications.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.notifications.config.StreamConfig;
import org.chorus.notifications.service.NotificationItem;
import org.chorus.notifications.service.NotificationQueries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a stream missed, read from the database (blocking; call it off the event loop). */
@ApplicationScoped
class Replays {

    private final NotificationQueries queries;
    private final StreamConfig config;
    private final ObjectMapper json;

    Replays(NotificationQueries queries, StreamConfig config, ObjectMapper json) {
        this.queries = queries;
        this.config = config;
        this.json = json;
    }

    /**
     * The entries changed after {@code lastSeq} (oldest change first, at most {@code replay-limit};
     * none when {@code lastSeq} is negative), then the unread count.
     */
    List<StreamConnection.Frame> since(UUID userId, long lastSeq) throws JsonProcessingException {
        List<StreamConnection.Frame> frames = new ArrayList<>();
        if (lastSeq >= 0) {
            for (NotificationItem item : queries.changedAfter(userId, lastSeq, config.replayLimit())) {
                frames.add(new StreamConnection.Frame(
                        StreamMessage.NOTIFICATION, item.seq(), json.writeValueAsString(item)));
            }
        }
        frames.add(new StreamConnection.Frame(
                StreamMessage.UNREAD_COUNT,
                null,
                json.writeValueAsString(json.createObjectNode().put("count", queries.unreadCount(userId)))));
        return frames;
    }
}
