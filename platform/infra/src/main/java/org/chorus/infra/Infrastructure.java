package org.chorus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Real PostgreSQL, Redis, Kafka and an SMTP catcher on local ports, shared by the tests (through
 * platform/testing) and the local launcher. A part named in the environment is used as it is and
 * not started: {@code CHORUS_PG_URL} (with {@code CHORUS_PG_USER}, {@code CHORUS_PG_PASSWORD}),
 * {@code CHORUS_REDIS_URL}, {@code CHORUS_KAFKA_BOOTSTRAP}, {@code CHORUS_SMTP_HOST} (with
 * {@code CHORUS_SMTP_PORT}, {@code CHORUS_MAIL_API_URL}).
 */
public final class Infrastructure implements AutoCloseable {

    private static final List<String> PART_DIRS = List.of("postgres", "redis", "kafka", "logs");

    private final InfraOptions options;
    private final Map<String, String> env;
    private final Path dataDir;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private Postgres postgres;
    private String postgresUrl;
    private String postgresUser;
    private String postgresPassword;
    private String redisUrl;
    private KafkaBroker kafka;
    private String kafkaBootstrap;
    private String smtpHost;
    private int smtpPort;
    private String mailApiUrl;

    private Infrastructure(InfraOptions options, Map<String, String> env, Path dataDir) {
        this.options = options;
        this.env = env;
        this.dataDir = dataDir;
    }

    /** Starts what the options ask for and the environment does not give; everything is ready on return. */
    public static Infrastructure start(InfraOptions options) {
        return start(options, System.getenv());
    }

    static Infrastructure start(InfraOptions options, Map<String, String> env) {
        Infrastructure infra = new Infrastructure(options, env, dataDir(options));
        try {
            infra.startAll();
            return infra;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    private static Path dataDir(InfraOptions options) {
        try {
            return options.dataDir() == null ? Files.createTempDirectory("chorus-infra-") : options.dataDir();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wipes the parts' data for a fresh start: only their own directories, whatever else is there stays. */
    private void prepareDataDir() {
        try {
            if (options.fresh()) {
                for (String dir : PART_DIRS) {
                    deleteTree(dataDir.resolve(dir));
                }
            }
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startAll() {
        InfraPorts ports = options.ports();
        // claim every fixed port before starting anything, so a clash stops us with nothing half-started
        boolean ownPostgres = own(Part.POSTGRES, "CHORUS_PG_URL");
        boolean ownRedis = own(Part.REDIS, "CHORUS_REDIS_URL");
        boolean ownKafka = own(Part.KAFKA, "CHORUS_KAFKA_BOOTSTRAP");
        boolean ownMail = own(Part.MAIL, "CHORUS_SMTP_HOST");
        int pgPort = ownPostgres ? Ports.claim(ports.postgres(), Part.POSTGRES.label()) : -1;
        int redisPort = ownRedis ? Ports.claim(ports.redis(), Part.REDIS.label()) : -1;
        int kafkaPort = ownKafka ? Ports.claim(ports.kafka(), Part.KAFKA.label()) : -1;
        int controllerPort = ownKafka ? Ports.claim(ports.kafkaController(), "Kafka controller") : -1;
        smtpPort = ownMail ? Ports.claim(ports.smtp(), Part.MAIL.label()) : -1;
        int apiPort = ownMail ? Ports.claim(ports.mailApi(), "mail catcher API") : -1;
        prepareDataDir();
        Path logs = dataDir.resolve("logs");

        // the two child JVMs boot in the background while PostgreSQL and Redis start here
        List<CompletableFuture<Void>> booting = new ArrayList<>();
        if (ownKafka) {
            kafka = track(
                    new KafkaBroker(dataDir.resolve("kafka"), logs.resolve("kafka.log"), kafkaPort, controllerPort));
            booting.add(inBackground("start-kafka", kafka::start));
            kafkaBootstrap = kafka.bootstrap();
        } else if (options.wants(Part.KAFKA)) {
            kafkaBootstrap = env("CHORUS_KAFKA_BOOTSTRAP");
        }
        if (ownMail) {
            MailCatcher mail = track(new MailCatcher(dataDir, logs.resolve("greenmail.log"), smtpPort, apiPort));
            booting.add(inBackground("start-greenmail", mail::start));
            smtpHost = "127.0.0.1";
            mailApiUrl = mail.apiUrl();
        } else if (options.wants(Part.MAIL)) {
            smtpHost = env("CHORUS_SMTP_HOST");
            smtpPort = Integer.parseInt(envOr("CHORUS_SMTP_PORT", "25"));
            mailApiUrl = env("CHORUS_MAIL_API_URL");
        }
        RuntimeException failure = null;
        try {
            if (ownPostgres) {
                postgres = track(
                        new Postgres(dataDir.resolve("postgres"), logs.resolve("postgres.log"), persistent(), pgPort));
                postgresUrl = postgres.jdbcUrl();
                postgresUser = Postgres.SUPERUSER;
                postgresPassword = "";
            } else if (options.wants(Part.POSTGRES)) {
                postgresUrl = env("CHORUS_PG_URL");
                postgresUser = envOr("CHORUS_PG_USER", Postgres.SUPERUSER);
                postgresPassword = envOr("CHORUS_PG_PASSWORD", "");
            }
            if (ownRedis) {
                redisUrl = track(new Redis(dataDir.resolve("redis"), persistent(), redisPort))
                        .url();
            } else if (options.wants(Part.REDIS)) {
                redisUrl = env("CHORUS_REDIS_URL");
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        // even when PostgreSQL failed: let the children finish booting, so close() stops them cleanly
        try {
            awaitAll(booting);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private boolean own(Part part, String envName) {
        return options.wants(part) && env(envName) == null;
    }

    private boolean persistent() {
        return options.dataDir() != null;
    }

    private <T extends AutoCloseable> T track(T part) {
        started.push(part);
        return part;
    }

    private static CompletableFuture<Void> inBackground(String name, Runnable task) {
        // not CompletableFuture.runAsync: the common pool has a single thread on a 2-core machine
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        task.run();
                        done.complete(null);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private static void awaitAll(List<CompletableFuture<Void>> tasks) {
        try {
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Where the parts keep their data; their logs are in its {@code logs} directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** Superuser connection (tests use it; services get their own role from {@link #serviceDatabase}). */
    public String postgresUrl() {
        return require(postgresUrl, Part.POSTGRES);
    }

    public String postgresUser() {
        return require(postgresUser, Part.POSTGRES);
    }

    public String postgresPassword() {
        return require(postgresPassword, Part.POSTGRES);
    }

    /** {@link #serviceDatabase(String, String)} with the local-only password {@code <service>-local}. */
    public ServiceDatabase serviceDatabase(String service) {
        return serviceDatabase(service, service + "-local");
    }

    /**
     * The service's own login role and the schema it owns, created if missing (the password is set
     * every time). With a database given in the environment, its roles are its owner's business:
     * the given credentials are returned as they are.
     */
    public ServiceDatabase serviceDatabase(String service, String password) {
        if (postgres == null) {
            return new ServiceDatabase(postgresUrl(), postgresUser, postgresPassword);
        }
        return postgres.serviceDatabase(service, password);
    }

    /** {@code redis://host:port}, the form {@code quarkus.redis.hosts} takes. */
    public String redisUrl() {
        return require(redisUrl, Part.REDIS);
    }

    public String kafkaBootstrap() {
        return require(kafkaBootstrap, Part.KAFKA);
    }

    /** Takes the broker away (fault tests); its ports and data stay. */
    public void stopKafka() {
        ownKafka().stop();
    }

    /** Brings the same broker back on the same ports and data, ready on return. */
    public void startKafka() {
        ownKafka().start();
    }

    private KafkaBroker ownKafka() {
        if (kafka == null) {
            throw new IllegalStateException(
                    "Kafka was not started here (not wanted, or given by CHORUS_KAFKA_BOOTSTRAP)");
        }
        return kafka;
    }

    public String smtpHost() {
        return require(smtpHost, Part.MAIL);
    }

    public int smtpPort() {
        require(smtpHost, Part.MAIL);
        return smtpPort;
    }

    /** The mail catcher's REST API; null when an SMTP server from the environment came without one. */
    public String mailApiUrl() {
        require(smtpHost, Part.MAIL);
        return mailApiUrl;
    }

    private <T> T require(T value, Part part) {
        if (value == null) {
            throw new IllegalStateException(part.label() + " was not started (see InfraOptions.parts)");
        }
        return value;
    }

    /** Stops what was started here, last started first; the data is deleted unless it has a data directory. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("chorus-infra: stopping a part failed: " + e.getMessage());
            }
        }
        if (!persistent()) {
            try {
                deleteTree(dataDir);
            } catch (IOException | UncheckedIOException e) {
                System.err.println("chorus-infra: could not delete " + dataDir + ": " + e.getMessage());
            }
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

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
