package org.chorus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/** A real Redis server from the binaries bundled in a Maven artifact (codemonstur embedded-redis). */
final class Redis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    /** @param persistent keep an append-only file in {@code dataDir}, so a restart keeps the data */
    Redis(Path dataDir, boolean persistent, int port) {
        this.port = port;
        try {
            Files.createDirectories(dataDir);
            this.server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDir.toAbsolutePath())
                    .setting(persistent ? "appendonly yes" : "appendonly no")
                    .settingIf(!persistent, "save \"\"")
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Redis: " + e.getMessage(), e);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
