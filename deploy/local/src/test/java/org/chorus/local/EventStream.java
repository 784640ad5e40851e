package org.chorus.local;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A member's live notification stream opened through the gateway as a browser would: a ticket fetched with the
 * access token, then {@code GET /api/notifications/stream?ticket=} without one, read line by line (Server-Sent
 * Events) on a thread of its own. Every event is kept with the time it arrived.
 */
public final class EventStream implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One event: its name, id (null when it has none), data as JSON, and when it arrived (System.nanoTime). */
    public record Event(String name, String id, JsonNode data, long receivedAt) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final Thread reader;
    private volatile Stream<String> lines;
    private final int status;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        this.reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a stream for the member's session; {@code lastEventId} (may be null) asks for what was missed. */
    public static EventStream open(Members.Member member, String lastEventId) {
        String ticket = given().auth()
                .oauth2(member.accessToken())
                .post("/api/notifications/stream-tickets")
                .then()
                .statusCode(201)
                .extract()
                .path("ticket");
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(RunningSuite.suite().gatewayUrl() + "/api/notifications/stream?ticket=" + ticket))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = HTTP.sendAsync(
                            request.GET().build(), HttpResponse.BodyHandlers.ofLines())
                    .get(10, TimeUnit.SECONDS);
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                throw new AssertionError("stream answered " + response.statusCode() + ": " + body);
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/event-stream")) {
                throw new AssertionError("stream Content-Type is " + type);
            }
            return new EventStream(response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("stream did not answer within 10 s", e);
        }
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0 || name != null) {
                        events.add(new Event(
                                name == null ? "message" : name, id, parse(data.toString()), System.nanoTime()));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    continue; // a heartbeat comment
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException e) {
            // the connection was cut (by the server or by close()): the stream has ended either way
        } finally {
            ended.complete(null);
        }
    }

    private static JsonNode parse(String data) {
        try {
            return MAPPER.readTree(data);
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(data);
        }
    }

    public int status() {
        return status;
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    /** Waits until an event matching the predicate arrived (already or later); null after the timeout. */
    public Event await(Predicate<Event> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Event event : events) {
                if (matching.test(event)) {
                    return event;
                }
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            sleep(20);
        }
    }

    /** Whether the server ended the stream within the timeout. */
    public boolean awaitEnd(Duration timeout) {
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean hasEnded() {
        return ended.isDone();
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
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
