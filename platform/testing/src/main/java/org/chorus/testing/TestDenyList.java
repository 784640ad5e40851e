package org.chorus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Writes deny-list entries the way login does (platform/security's {@code DenyListKeys}: {@code login:deny:sid:<sid>}
 * and {@code login:deny:user:<sub>} = epoch seconds), into the Redis of {@code quarkus.redis.hosts}, so a service's
 * test can revoke a token without login. Plain RESP over a socket: no Redis client on the test classpath.
 */
public final class TestDenyList {

    public static final String SESSION_PREFIX = "login:deny:sid:";
    public static final String USER_PREFIX = "login:deny:user:";

    private TestDenyList() {
    }

    /** Revokes every token of the session, for {@code ttl}. */
    public static void denySession(String sid, Instant revokedAt, Duration ttl) {
        set(SESSION_PREFIX + sid, Long.toString(revokedAt.getEpochSecond()), ttl);
    }

    /** Revokes every token of the user issued at or before {@code at}, for {@code ttl}. */
    public static void denyUser(UUID userId, Instant at, Duration ttl) {
        set(USER_PREFIX + userId, Long.toString(at.getEpochSecond()), ttl);
    }

    private static void set(String key, String value, Duration ttl) {
        URI redis = URI.create(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class).split(",")[0].trim());
        try (Socket socket = new Socket(redis.getHost(), redis.getPort() > 0 ? redis.getPort() : 6379)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(command("SET", key, value, "EX", Long.toString(Math.max(1, ttl.toSeconds()))));
            out.flush();
            String reply = line(socket.getInputStream());
            if (!reply.equals("+OK")) {
                throw new IllegalStateException("Redis answered " + reply + " to SET " + key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
