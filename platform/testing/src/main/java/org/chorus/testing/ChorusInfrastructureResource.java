package org.chorus.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.chorus.infra.InfraOptions;
import org.chorus.infra.Infrastructure;
import org.chorus.infra.Part;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service's tests real PostgreSQL, Redis, Kafka and an SMTP catcher, started once per test
 * JVM and shared by every test class (or taken from the environment: {@code CHORUS_PG_URL},
 * {@code CHORUS_REDIS_URL}, {@code CHORUS_KAFKA_BOOTSTRAP}, {@code CHORUS_SMTP_HOST}). Tests
 * connect to PostgreSQL as the superuser, so Flyway can create the service's schema.
 *
 * <p>Use {@code @WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)}. The SMTP catcher is
 * started only on request (services test their mail with MockMailbox), with
 * {@code initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "true")}.
 *
 * <p>Quarkus may load this class in more than one class loader, so what was started is recorded
 * in system properties, which every loader of the JVM sees; a shutdown hook stops it.
 */
public class ChorusInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg: {@code "false"} leaves out the SMTP catcher (it is started by default). */
    public static final String MAIL = "mail";
    /** Config key this resource sets: the mail catcher's REST API, e.g. {@code http://127.0.0.1:41234}. */
    public static final String MAIL_API_URL = "chorus.test.mail-api-url";

    private static final String PREFIX = "chorus.test.infra.";

    private boolean mail = true;

    @Override
    public void init(Map<String, String> initArgs) {
        mail = !"false".equalsIgnoreCase(initArgs.getOrDefault(MAIL, "false"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(shared(
                "core",
                () -> Infrastructure.start(InfraOptions.ephemeral().without(Part.MAIL)),
                ChorusInfrastructureResource::coreConfig));
        if (mail) {
            // a separate instance, so a test class that wants mail after one that did not still gets it
            config.putAll(shared(
                    "mail",
                    () -> Infrastructure.start(InfraOptions.ephemeral().only(Part.MAIL)),
                    ChorusInfrastructureResource::mailConfig));
        }
        return config;
    }

    private static Map<String, String> coreConfig(Infrastructure infra) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgresUrl());
        config.put("quarkus.datasource.username", infra.postgresUser());
        config.put("quarkus.datasource.password", infra.postgresPassword());
        config.put("quarkus.redis.hosts", infra.redisUrl());
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrap());
        return config;
    }

    private static Map<String, String> mailConfig(Infrastructure infra) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.mailer.host", infra.smtpHost());
        config.put("quarkus.mailer.port", String.valueOf(infra.smtpPort()));
        if (infra.mailApiUrl() != null) {
            config.put(MAIL_API_URL, infra.mailApiUrl());
        }
        return config;
    }

    /** Starts the infrastructure the first time any loader asks, and returns its config every time. */
    private static Map<String, String> shared(
            String name, Supplier<Infrastructure> starter, Function<Infrastructure, Map<String, String>> config) {
        String prefix = PREFIX + name + ".";
        String started = PREFIX + name + "-started";
        // System.class is the one lock every class loader of this JVM shares
        synchronized (System.class) {
            if (System.getProperty(started) == null) {
                Infrastructure infra = starter.get();
                Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "stop-chorus-test-" + name));
                config.apply(infra).forEach((key, value) -> System.setProperty(prefix + key, value));
                System.setProperty(started, "true");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(property -> property.startsWith(prefix))
                .sorted()
                .forEach(property -> values.put(property.substring(prefix.length()), System.getProperty(property)));
        return values;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; the shutdown hook stops it
    }
}
