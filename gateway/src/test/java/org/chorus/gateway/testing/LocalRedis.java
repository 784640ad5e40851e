package org.chorus.gateway.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** TEMPORARY until chorus-testing lands: a redis-server process on a random port. */
public class LocalRedis implements QuarkusTestResourceLifecycleManager {

    private Process process;

    @Override
    public Map<String, String> start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(300);
            return Map.of("quarkus.redis.hosts", "redis://localhost:" + port);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }
}
