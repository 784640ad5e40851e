package org.chorus.local.bad;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.chorus.local.Members;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The suite's gateway reached over {@link RawHttp}, each caller from its own loopback address, and the members this
 * suite signs up through it (login limits sign-ups per address, so every member comes from a fresh one).
 */
public final class Gateway {

    /** A signed-up, logged-in member whose profile users has built. */
    public record Member(String id, String username, String accessToken, String refreshToken) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration PROFILE_WAIT = Duration.ofSeconds(60);

    private final RawHttp http;
    private final AtomicInteger nextMemberAddress = new AtomicInteger();
    private final int addressBlock;

    /** {@code addressBlock} (1–250) keeps the addresses of two users of the gateway apart: 127.{block}.x.y. */
    public Gateway(String url, int addressBlock, Duration timeout) {
        URI uri = URI.create(url);
        this.http = new RawHttp("127.0.0.1", uri.getPort(), timeout);
        this.addressBlock = addressBlock;
    }

    public RawHttp http() {
        return http;
    }

    /** The n-th loopback address of this gateway user's block (n from 0). */
    public InetAddress address(int n) {
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) addressBlock, (byte) (n / 250), (byte) (n % 250 + 1)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public RawHttp.Answer send(InetAddress from, String method, String target, String token, Map<String, String> headers,
            byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        try {
            return http.send(from, method, target, all, body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    public RawHttp.Answer json(InetAddress from, String method, String target, String token, Object body) {
        try {
            return send(from, method, target, token, Map.of("Content-Type", "application/json"),
                    body == null ? null : MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new member, signed up and logged in from an address of its own, once users knows its profile. */
    public Member signUp() {
        // the upper half of the block: operations use the lower addresses
        InetAddress from = address(32_000 + nextMemberAddress.getAndIncrement());
        String username = "bad_" + UUID.randomUUID().toString().substring(0, 8);
        RawHttp.Answer created = json(from, "POST", "/api/auth/signup", null,
                Map.of("email", username + "@example.org", "username", username, "password", Members.PASSWORD));
        expect(created, 201);
        RawHttp.Answer login = json(from, "POST", "/api/auth/login", null,
                Map.of("login", username, "password", Members.PASSWORD));
        expect(login, 200);
        JsonNode tokens = read(login);
        Member member = new Member(read(created).path("id").asText(), username, tokens.path("accessToken").asText(),
                tokens.path("refreshToken").asText());
        long deadline = System.nanoTime() + PROFILE_WAIT.toNanos();
        while (send(from, "GET", "/api/users/me", member.accessToken(), Map.of(), null).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("users built no profile for " + username + " within " + PROFILE_WAIT);
            }
            sleep(200);
        }
        return member;
    }

    /**
     * A new member with a moderator's or an admin's token. The suite has no administrator yet (the first ones are meant
     * to come from {@code CHORUS_BOOTSTRAP_ADMINS}), so the member gets the role the way admin grants it — role-granted
     * on Kafka, applied by login — and logs in again until its token carries it.
     */
    public Member signUpWithRole(String role, String kafkaBootstrap) {
        Member member = signUp();
        RoleGrants.grant(kafkaBootstrap, member.id(), role);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String token = login(member);
        while (!RoleGrants.carries(token, role)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("login did not apply role-granted(" + role + ") within 60 s");
            }
            sleep(500);
            token = login(member);
        }
        return new Member(member.id(), member.username(), token, null);
    }

    /** A fresh access token for the member (a new session). */
    public String login(Member member) {
        RawHttp.Answer login = json(address(32_000 + nextMemberAddress.getAndIncrement()), "POST", "/api/auth/login", null,
                Map.of("login", member.username(), "password", Members.PASSWORD));
        expect(login, 200);
        return read(login).path("accessToken").asText();
    }

    /** Whether the member's access token still opens its profile (a mutation may have logged it out or deleted it). */
    public boolean stillValid(Member member) {
        return send(address(31_999), "GET", "/api/auth/me", member.accessToken(), Map.of(), null).status() == 200;
    }

    public static JsonNode read(RawHttp.Answer answer) {
        try {
            return MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + answer.text(), e);
        }
    }

    private static void expect(RawHttp.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
