package org.chorus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real PostgreSQL, Redis, Kafka and (optionally) an SMTP catcher on local ports — or the ones
 * named in the environment ({@code CHORUS_PG_URL} with {@code CHORUS_PG_USER}/{@code CHORUS_PG_PASSWORD},
 * {@code CHORUS_REDIS_URL}, {@code CHORUS_KAFKA_BOOTSTRAP}), which are then used as they are.
 * Shared by the tests (through platform/testing) and the local launcher.
 */
public final class Infrastructure implements AutoCloseable {

    private final InfraOptions options;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, String> env;
    private Postgres postgres;
    private String postgresUrl;
    private String postgresUser = Postgres.SUPERUSER;
    private String postgresPassword = "";
    private String redisUrl;
    private KafkaBroker kafka;
    private String kafkaBootstrap;
    private MailCatcher mail;

    private Infrastructure(InfraOptions options, Map<String, String> env) {
        this.options = options;
        this.env = env;
    }

    public static Infrastructure start(InfraOptions options) {
        return start(options, System.getenv());
    }

    static Infrastructure start(InfraOptions options, Map<String, String> env) {
        Infrastructure infra = new Infrastructure(options, env);
        try {
            infra.startAll();
            return infra;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    private void startAll() {
        // claim every fixed port before starting anything, so a clash stops us with nothing half-started
        int pgPort = env("CHORUS_PG_URL") == null ? Ports.claim(options.postgresPort(), "PostgreSQL") : -1;
        int redisPort = env("CHORUS_REDIS_URL") == null ? Ports.claim(options.redisPort(), "Redis") : -1;
        boolean ownKafka = env("CHORUS_KAFKA_BOOTSTRAP") == null;
        int kafkaPort = ownKafka ? Ports.claim(options.kafkaPort(), "Kafka") : -1;
        int controllerPort = ownKafka ? Ports.claim(options.kafkaControllerPort(), "Kafka controller") : -1;
        int smtpPort = options.mailCatcher() ? Ports.claim(options.smtpPort(), "SMTP catcher") : -1;
        int apiPort = options.mailCatcher() ? Ports.claim(options.mailApiPort(), "mail catcher API") : -1;

        if (pgPort > 0) {
            postgres = track(new Postgres(options.dataDir().resolve("postgres"), options.persistent(), pgPort));
            postgresUrl = postgres.jdbcUrl();
        } else {
            postgresUrl = env("CHORUS_PG_URL");
            postgresUser = envOr("CHORUS_PG_USER", Postgres.SUPERUSER);
            postgresPassword = envOr("CHORUS_PG_PASSWORD", "");
        }
        redisUrl = redisPort > 0
                ? track(new Redis(options.dataDir().resolve("redis"), options.persistent(), redisPort)).url()
                : env("CHORUS_REDIS_URL");
        if (ownKafka) {
            kafka = track(new KafkaBroker(options.dataDir().resolve("kafka"), kafkaPort, controllerPort));
            kafka.start();
            kafkaBootstrap = kafka.bootstrap();
        } else {
            kafkaBootstrap = env("CHORUS_KAFKA_BOOTSTRAP");
        }
        if (options.mailCatcher()) {
            mail = track(new MailCatcher(options.dataDir(), smtpPort, apiPort));
        }
    }

    private <T extends AutoCloseable> T track(T part) {
        started.push(part);
        return part;
    }

    /** Superuser connection (tests use it; services get their own role from {@link #serviceDatabase}). */
    public String postgresUrl() {
        return postgresUrl;
    }

    public String postgresUser() {
        return postgresUser;
    }

    public String postgresPassword() {
        return postgresPassword;
    }

    /** The service's own role and schema, created if missing; the password is for local use only. */
    public ServiceDatabase serviceDatabase(String service) {
        if (postgres == null) {
            // an outside database: its roles are managed by its owner; connect as given
            return new ServiceDatabase(postgresUrl, postgresUser, postgresPassword);
        }
        return postgres.serviceDatabase(service, service + "-local");
    }

    public String redisUrl() {
        return redisUrl;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** Takes the broker away (fault tests); the data and ports stay. */
    public void stopKafka() {
        requireOwnKafka().stop();
    }

    public void startKafka() {
        requireOwnKafka().start();
    }

    private KafkaBroker requireOwnKafka() {
        if (kafka == null) {
            throw new IllegalStateException("Kafka was given by CHORUS_KAFKA_BOOTSTRAP; it cannot be stopped from here");
        }
        return kafka;
    }

    public int smtpPort() {
        return requireMail().smtpPort();
    }

    public String mailApiUrl() {
        return requireMail().apiUrl();
    }

    private MailCatcher requireMail() {
        if (mail == null) {
            throw new IllegalStateException("the mail catcher was not started (InfraOptions.mailCatcher)");
        }
        return mail;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("chorus-infra: stopping a part failed: " + e.getMessage());
            }
        }
        if (!options.persistent()) {
            deleteQuietly(options.dataDir());
        }
    }

    private String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    private String envOr(String name, String fallback) {
        String value = env(name);
        return value == null ? fallback : value;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
