package org.chorus.notifications.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.notifications.config.StreamConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * Single-use stream tickets. A browser's EventSource cannot send an Authorization header, and an
 * access token in a URL ends up in logs and history; so a client exchanges its bearer token for a
 * random ticket (valid {@code ticket-lifetime}, 30 s) and opens the stream with that. Redis keeps
 * only the ticket's SHA-256 ({@code notifications:stream-ticket:<hash>}) with the user, the
 * session and the token's iat; GETDEL redeems it, so a ticket works once, on any replica.
 */
@ApplicationScoped
public class StreamTickets {

    static final String PREFIX = "notifications:stream-ticket:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ValueCommands<String, String> values;
    private final ReactiveValueCommands<String, String> reactiveValues;
    private final ObjectMapper json;
    private final StreamConfig config;

    StreamTickets(
            RedisDataSource redis, ReactiveRedisDataSource reactiveRedis, ObjectMapper json, StreamConfig config) {
        this.values = redis.value(String.class);
        this.reactiveValues = reactiveRedis.value(String.class);
        this.json = json;
        this.config = config;
    }

    /** Whose a ticket is. sessionId is null for a token without a sid. */
    public record Owner(UUID userId, String sessionId, long tokenIssuedAt) {}

    public record Ticket(String ticket, Instant expiresAt) {}

    public Ticket issue(Owner owner) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = Instant.now().plus(config.ticketLifetime());
        try {
            values.psetex(PREFIX + hash(ticket), config.ticketLifetime().toMillis(), json.writeValueAsString(owner));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Ticket(ticket, expiresAt);
    }

    /** The owner of a valid, unused ticket (which is used up now), or null. */
    Uni<Owner> redeem(String ticket) {
        return reactiveValues.getdel(PREFIX + hash(ticket)).map(value -> {
            if (value == null) {
                return null;
            }
            try {
                return json.readValue(value, Owner.class);
            } catch (JsonProcessingException e) {
                return null;
            }
        });
    }

    static String hash(String ticket) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
