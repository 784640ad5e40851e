package org.chorus.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chorus.infra.InfraOptions;
import org.chorus.infra.Infrastructure;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service's tests real PostgreSQL, Redis and Kafka: started once per test JVM and
 * shared by every test class (or taken from {@code CHORUS_PG_URL}, {@code CHORUS_REDIS_URL},
 * {@code CHORUS_KAFKA_BOOTSTRAP}). Tests connect as the superuser so Flyway can create the schema.
 *
 * <p>Quarkus may load this class in more than one class loader, so the "already started" state
 * lives in system properties, which every loader of the JVM sees.
 */
public class ChorusInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "chorus.test.infra.";
    private static final String STARTED = PREFIX + "started";

    @Override
    public Map<String, String> start() {
        synchronized (System.class) {
            if (System.getProperty(STARTED) == null) {
                Infrastructure infra = Infrastructure.start(InfraOptions.ephemeral(false));
                Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "chorus-test-infrastructure"));
                config(infra).forEach((key, value) -> System.setProperty(PREFIX + key, value));
                System.setProperty(STARTED, "true");
            }
        }
        Map<String, String> config = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX) && !name.equals(STARTED))
                .forEach(name -> config.put(name.substring(PREFIX.length()), System.getProperty(name)));
        return config;
    }

    private static Map<String, String> config(Infrastructure infra) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgresUrl());
        config.put("quarkus.datasource.username", infra.postgresUser());
        config.put("quarkus.datasource.password", infra.postgresPassword());
        config.put("quarkus.redis.hosts", infra.redisUrl());
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrap());
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; the shutdown hook stops it
    }
}
