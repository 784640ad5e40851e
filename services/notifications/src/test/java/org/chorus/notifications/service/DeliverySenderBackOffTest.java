package org.chorus.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.chorus.notifications.config.DeliveryConfig;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DeliverySenderBackOffTest {

    private static DeliveryConfig config(Duration base, Duration max) {
        return new DeliveryConfig() {
            public String pollInterval() {
                return "1s";
            }

            public int batchSize() {
                return 50;
            }

            public int maxAttempts() {
                return 8;
            }

            public Duration retryBase() {
                return base;
            }

            public Duration retryMax() {
                return max;
            }
        };
    }

    private static DeliverySender sender(Duration base, Duration max) {
        return new DeliverySender(null, null, null, config(base, max), new SimpleMeterRegistry());
    }

    @Test
    void backOffDoublesFromTheBaseAfterEachFailure() {
        DeliverySender sender = sender(Duration.ofSeconds(5), Duration.ofHours(1));
        assertEquals(Duration.ofSeconds(5), sender.backOff(1));
        assertEquals(Duration.ofSeconds(10), sender.backOff(2));
        assertEquals(Duration.ofSeconds(20), sender.backOff(3));
        assertEquals(Duration.ofSeconds(40), sender.backOff(4));
    }

    @Test
    void backOffIsCappedAtTheMaximumEvenForHugeAttemptCounts() {
        DeliverySender sender = sender(Duration.ofSeconds(5), Duration.ofMinutes(30));
        assertEquals(Duration.ofMinutes(30), sender.backOff(10));
        assertEquals(Duration.ofMinutes(30), sender.backOff(1000));
    }
}
