package org.chorus.notifications.stream;

import io.vertx.core.http.HttpServerResponse;

/** Server-Sent Events on a chunked Vert.x response, whose write queue bounds a slow client's backlog. */
final class SseSink implements StreamSink {

    private final HttpServerResponse response;

    SseSink(HttpServerResponse response) {
        this.response = response;
    }

    @Override
    public void write(String event, Long seq, String data) {
        response.write(frame(event, seq, data));
    }

    @Override
    public void heartbeat() {
        response.write(": heartbeat\n\n");
    }

    @Override
    public boolean writeQueueFull() {
        return response.writeQueueFull();
    }

    @Override
    public void end() {
        response.end();
    }

    @Override
    public void abort() {
        response.close();
    }

    static String frame(String event, Long seq, String data) {
        StringBuilder b = new StringBuilder(data.length() + 48);
        if (seq != null) {
            b.append("id: ").append(seq).append('\n');
        }
        b.append("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        return b.append('\n').toString();
    }
}
