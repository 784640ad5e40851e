package org.chorus.admin.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.chorus.admin.AuditKind;
import org.chorus.admin.DeadLetter;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends dead letters back to their origin topic — key, payload and original headers (the dead-letter ones left
 * out) — and marks them replayed once the broker acknowledged. Replaying twice is harmless: every consumer's
 * inbox remembers the event id. Discarding deletes one.
 */
@ApplicationScoped
public class DeadLetterReplay {

    /** replay-all sends at most this many per call; the caller calls again for the rest. */
    public static final int MAX_REPLAY_ALL = 500;

    private final DeadLetters deadLetters;
    private final MutinyEmitter<String> emitter;
    private final ModerationAudit audit;
    private final DeadLetterGauges gauges;

    DeadLetterReplay(DeadLetters deadLetters, @Channel("dead-letter-replay") MutinyEmitter<String> emitter,
                     ModerationAudit audit, DeadLetterGauges gauges) {
        this.deadLetters = deadLetters;
        this.emitter = emitter;
        this.audit = audit;
        this.gauges = gauges;
    }

    public void replay(UUID actorId, UUID id) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("Dead letter " + id));
        send(letter);
        QuarkusTransaction.requiringNew().run(() -> {
            deadLetters.markReplayed(id);
            audit.entry(AuditKind.DEAD_LETTER_REPLAYED, actorId, null, "Dead letter replayed to " + letter.topic())
                    .with("deadLetterId", id).with("topic", letter.topic()).with("consumer", letter.consumer()).record();
        });
        gauges.refresh();
    }

    /** Replays the pending dead letters matching the filter, oldest first; returns how many. */
    public int replayAll(UUID actorId, String topic, String consumer) {
        List<UUID> ids = deadLetters.pendingIds(topic, consumer, MAX_REPLAY_ALL);
        for (UUID id : ids) {
            replay(actorId, id);
        }
        return ids.size();
    }

    public void discard(UUID actorId, UUID id) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("Dead letter " + id));
        QuarkusTransaction.requiringNew().run(() -> {
            if (deadLetters.discard(id)) {
                audit.entry(AuditKind.DEAD_LETTER_DISCARDED, actorId, null, "Dead letter discarded from " + letter.topic())
                        .with("deadLetterId", id).with("topic", letter.topic()).with("consumer", letter.consumer())
                        .record();
            }
        });
        gauges.refresh();
    }

    private void send(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, String> header : letter.headers().entrySet()) {
            if (!header.getKey().startsWith(DeadLetter.HEADER_PREFIX) && header.getValue() != null) {
                headers.add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(letter.topic()).withKey(letter.key()).withHeaders(headers).build();
        emitter.sendMessageAndAwait(Message.of(letter.payload()).addMetadata(metadata));
    }
}
