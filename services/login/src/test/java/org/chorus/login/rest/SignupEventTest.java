package org.chorus.login.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.login.support.Accounts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SignupEventTest {

    @Test
    void signUpPublishesUserCreatedAsACloudEventKeyedByTheUserId() throws Exception {
        Accounts.SignedUp account = Accounts.signUp();

        ConsumerRecord<String, String> record = TestEvents.await(
                Events.USER_CREATED.topic(), r -> account.id().toString().equals(r.key()), Duration.ofSeconds(20));

        assertEquals("chorus.user-created.v1", TestEvents.header(record, "ce_type"));
        assertEquals("1.0", TestEvents.header(record, "ce_specversion"));
        assertNotNull(TestEvents.header(record, "ce_id"));
        assertEquals(account.id().toString(), TestEvents.header(record, "ce_subject"));
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertEquals(account.id().toString(), data.get("userId").asText());
        assertEquals(account.username(), data.get("username").asText());
        assertEquals(account.email(), data.get("email").asText());
        assertNotNull(data.get("createdAt"));
    }
}
