package org.chorus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The records, the JSON Schemas and the AsyncAPI document describe the same events. */
class EventContractsTest {

    /** Serialised the way Quarkus' default ObjectMapper does: ISO-8601 instants. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<EventType<?>> events() {
        return Events.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void schemaDescribesExactlyTheRecordComponents(EventType<?> event) throws IOException {
        JsonNode schema = schemaOf(event);
        Set<String> components = Arrays.stream(event.payloadType().getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        assertEquals(components, properties, event.topic());
    }

    @ParameterizedTest
    @MethodSource("events")
    void aPopulatedPayloadValidatesAgainstItsSchema(EventType<?> event) throws Exception {
        Set<ValidationMessage> errors = validator(event).validate(JSON.valueToTree(sample(event, false)));
        assertTrue(errors.isEmpty(), event.topic() + ": " + errors);
    }

    /** Nullable fields are typed {@code [..., "null"]} and optional; every other field is required. */
    @ParameterizedTest
    @MethodSource("events")
    void exactlyTheNonNullableFieldsAreRequired(EventType<?> event) throws IOException {
        JsonNode schema = schemaOf(event);
        Set<String> required = new TreeSet<>();
        schema.get("required").forEach(name -> required.add(name.asText()));
        Set<String> nonNullable = new TreeSet<>();
        schema.get("properties").fields().forEachRemaining(p -> {
            JsonNode type = p.getValue().get("type");
            boolean nullable = type.isArray()
                    && List.of(JSON.convertValue(type, String[].class)).contains("null");
            if (!nullable) {
                nonNullable.add(p.getKey());
            }
        });
        assertEquals(nonNullable, required, event.topic());
    }

    /** An enum-like field (a String in the record) accepts only the values its schema lists. */
    @ParameterizedTest
    @MethodSource("events")
    void aValueOutsideAnEnumIsRejectedBySchema(EventType<?> event) throws Exception {
        JsonNode schema = schemaOf(event);
        JsonSchema validator = validator(event);
        for (var property : (Iterable<java.util.Map.Entry<String, JsonNode>>) schema.get("properties")::fields) {
            if (property.getValue().has("enum")) {
                ObjectNode payload = JSON.valueToTree(sample(event, false));
                payload.put(property.getKey(), "not-a-" + property.getKey());
                assertFalse(validator.validate(payload).isEmpty(), event.topic() + "." + property.getKey());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void aPayloadMissingARequiredFieldIsRejectedBySchema(EventType<?> event) throws Exception {
        Set<ValidationMessage> errors = validator(event).validate(JSON.valueToTree(sample(event, true)));
        assertFalse(errors.isEmpty(), event.topic() + " accepts a payload with every field null");
    }

    @Test
    void asyncApiHasOneChannelPerEventAndNothingElse() throws IOException {
        JsonNode doc;
        try (InputStream in = resource("META-INF/chorus/asyncapi.yaml")) {
            doc = new YAMLMapper().readTree(in);
        }
        Set<String> channels = new HashSet<>();
        doc.get("channels").fieldNames().forEachRemaining(channels::add);
        Set<String> topics = Events.ALL.stream().map(EventType::topic).collect(Collectors.toSet());
        assertEquals(topics, channels);
        for (EventType<?> event : Events.ALL) {
            JsonNode message =
                    doc.at("/components/messages/" + event.payloadType().getSimpleName());
            assertEquals(event.type(), message.get("name").asText());
            assertNotNull(
                    resource("META-INF/chorus/" + message.at("/payload/$ref").asText()), event.topic());
        }
    }

    @Test
    void typesAndTopicsAreUniqueAndFollowTheNamingContract() {
        assertEquals(
                Events.ALL.size(),
                Events.ALL.stream().map(EventType::topic).distinct().count());
        for (EventType<?> event : Events.ALL) {
            assertTrue(event.topic().matches("[a-z]+(-[a-z]+)*"), event.topic());
            assertEquals("chorus." + event.topic() + ".v1", event.type());
            assertEquals(event, Events.byType(event.type()).orElseThrow());
        }
        assertEquals("user-created.dlq.users", Events.USER_CREATED.deadLetterTopic("users"));
    }

    private static JsonSchema validator(EventType<?> event) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaOf(event));
    }

    private static JsonNode schemaOf(EventType<?> event) throws IOException {
        try (InputStream in = resource(event.schemaResource())) {
            assertNotNull(in, "no schema at " + event.schemaResource());
            return JSON.readTree(in);
        }
    }

    private static InputStream resource(String path) {
        return EventContractsTest.class.getClassLoader().getResourceAsStream(path);
    }

    /**
     * An instance of the event's record with every component set (an enum-like String to the first value its
     * schema allows), or with every component null.
     */
    private static Object sample(EventType<?> event, boolean nulls) throws Exception {
        Class<?> type = event.payloadType();
        JsonNode properties = schemaOf(event).get("properties");
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            JsonNode allowed = properties.at("/" + components[i].getName() + "/enum/0");
            values[i] = nulls && !types[i].isPrimitive()
                    ? null
                    : allowed.isTextual() ? allowed.asText() : valueOf(components[i]);
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object valueOf(RecordComponent component) {
        Class<?> type = component.getType();
        String name = component.getName().toLowerCase();
        if (type == List.class) {
            Object element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0] == UUID.class
                    ? UUID.randomUUID()
                    : "text";
            return List.of(element);
        } else if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type == Instant.class) {
            return Instant.parse("2026-11-23T10:15:30Z");
        } else if (type == int.class) {
            return 3;
        } else if (type == boolean.class) {
            return true;
        } else if (name.contains("email")) {
            return "ada@example.org";
        } else if (name.endsWith("link")) {
            return "https://chorus.example/verify?token=abc";
        }
        return "text";
    }
}
