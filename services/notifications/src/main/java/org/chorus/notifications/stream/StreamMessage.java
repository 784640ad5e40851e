package org.chorus.notifications.stream;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What travels on {@value LiveEvents#EVENTS_CHANNEL}: an SSE event for some users' open streams.
 *
 * @param id the user's sequence number (only for {@code notification} events; the SSE id)
 */
record StreamMessage(List<UUID> userIds, String event, Long id, JsonNode data) {

    static final String NOTIFICATION = "notification";
    static final String UNREAD_COUNT = "unread-count";
    static final String SIGNAL = "signal";

    /**
     * What other services publish on {@value LiveEvents#SIGNALS_CHANNEL}: an ephemeral signal
     * (presence, typing …) for these users' open streams, sent as SSE event {@code signal} with
     * data {@code {"type": type, "data": data}}. Never stored, never replayed.
     */
    record Signal(List<UUID> userIds, String type, JsonNode data) {}
}
