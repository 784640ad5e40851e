package org.chorus.gateway.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import redis.embedded.RedisServer;

/**
 * TEMPORARY, until chorus-testing's ChorusInfrastructureResource is published: a real Redis, the one given in
 * CHORUS_REDIS_URL or else a redis-server started from the embedded-redis jar on a random port.
 */
public class LocalRedis implements QuarkusTestResourceLifecycleManager {

    private RedisServer server;

    @Override
    public Map<String, String> start() {
        String given = System.getenv("CHORUS_REDIS_URL");
        if (given != null && !given.isBlank()) {
            return Map.of("quarkus.redis.hosts", given);
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Redis for the tests", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                // the JVM is going away anyway
            }
        }
    }
}
