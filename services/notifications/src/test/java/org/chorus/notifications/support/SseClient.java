package org.chorus.notifications.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real HTTP client reading a Server-Sent Events stream line by line (java.net.http), on its own
 * thread: events land in a queue, comment lines are counted, and the end of the stream is noticed.
 */
public final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public record Event(String id, String event, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> comments = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch ended = new CountDownLatch(1);
    private final HttpResponse<Stream<String>> response;
    private final String errorBody;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() != 200) {
            errorBody = String.join("\n", response.body().toList());
            ended.countDown();
            return;
        }
        errorBody = null;
        Thread reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code base}/api/notifications/stream?ticket=… (plus Last-Event-ID when not null); waits for the headers. */
    public static SseClient open(String base, String ticket, String lastEventId) {
        String url =
                base.replaceAll("/$", "") + "/api/notifications/stream" + (ticket == null ? "" : "?ticket=" + ticket);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the stream", e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    public String errorBody() {
        return errorBody;
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (event != null || data.length() > 0) {
                        events.add(new Event(id, event == null ? "message" : event, data.toString()));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(6));
                }
            }
        } catch (RuntimeException e) {
            // the connection was closed (by us or the server)
        } finally {
            ended.countDown();
        }
    }

    /** The next event named {@code name} within the timeout (other events before it are skipped), or null. */
    public Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                return null;
            }
            if (event.event().equals(name)) {
                return event;
            }
        }
    }

    /** Every event received so far and within {@code quiet} after, without waiting for more. */
    public List<Event> drain(Duration quiet) throws InterruptedException {
        List<Event> all = new ArrayList<>();
        Event event;
        while ((event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            all.add(event);
        }
        return all;
    }

    public int comments() {
        return comments.size();
    }

    /** True when the server ended the stream within the timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (ended.getCount() > 0) {
            try {
                response.body().close();
            } catch (RuntimeException e) {
                // already closed
            }
        }
    }
}
