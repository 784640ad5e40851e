package org.chorus.admin;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A record some consumer gave up on, as found on {@code <topic>.dlq.<consumer>}.
 *
 * @param topic   the origin topic, where a replay sends it
 * @param headers the record's headers, the dead-letter ones included (their values as text)
 * @param error   why it was dead-lettered: the {@code dead-letter-reason} header, with its cause
 * @param count   how often it was dead-lettered
 */
public record DeadLetter(UUID id, String topic, String consumer, String key, String payload,
                         Map<String, String> headers, String error, Instant firstSeen, Instant lastSeen, int count,
                         String state) {

    /** Headers SmallRye's dead-letter queue adds; a replay leaves them out. */
    public static final String HEADER_PREFIX = "dead-letter-";
}
