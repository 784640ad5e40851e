package org.chorus.events;

import java.util.Objects;

/**
 * One kind of event: the Kafka topic it travels on, its CloudEvents {@code type} and the
 * record that is its {@code data}. Producers and consumers name events only through the
 * constants in {@link Events}, so a topic is spelled in exactly one place.
 *
 * @param topic       kebab-case topic name, also the AsyncAPI channel
 * @param type        CloudEvents type, {@code chorus.<topic>.v<version>}
 * @param payloadType the Java record serialised as the event's JSON data
 * @param <T>         the payload record
 */
public record EventType<T>(String topic, String type, Class<T> payloadType) {

    public EventType {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadType, "payloadType");
    }

    static <T> EventType<T> of(String topic, int version, Class<T> payloadType) {
        return new EventType<>(topic, "chorus." + topic + ".v" + version, payloadType);
    }

    /** Where the JSON Schema of this event's data lives on the classpath. */
    public String schemaResource() {
        return "META-INF/chorus/schemas/" + topic + ".v" + version() + ".json";
    }

    public int version() {
        return Integer.parseInt(type.substring(type.lastIndexOf(".v") + 2));
    }

    /** The dead-letter topic a consumer sends what it cannot handle to. */
    public String deadLetterTopic(String consumer) {
        return topic + ".dlq." + consumer;
    }
}
