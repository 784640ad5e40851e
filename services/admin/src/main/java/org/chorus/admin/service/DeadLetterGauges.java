package org.chorus.admin.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The metric {@code chorus_dead_letters{topic}}: pending dead letters per origin topic. Counted from the table
 * after every change and once a minute (so every replica reports the same), never at scrape time.
 */
@ApplicationScoped
public class DeadLetterGauges {

    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> perTopic = new ConcurrentHashMap<>();

    DeadLetterGauges(DeadLetters deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    @Scheduled(every = "60s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refresh();
    }

    public void refresh() {
        try {
            Map<String, Long> counts = deadLetters.pendingPerTopic();
            perTopic.forEach((topic, value) -> value.set(counts.getOrDefault(topic, 0L)));
            counts.forEach((topic, count) -> perTopic.computeIfAbsent(topic, this::register).set(count));
        } catch (RuntimeException e) {
            Log.warnf("Dead-letter gauges not refreshed: %s", e.getMessage());
        }
    }

    private AtomicLong register(String topic) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("chorus.dead.letters", value, AtomicLong::get)
                .description("Pending dead letters of the topic, over every consumer")
                .tag("topic", topic)
                .register(registry);
        return value;
    }
}
