package org.chorus.notifications.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.chorus.notifications.support.People;
import org.chorus.notifications.support.People.Person;
import org.chorus.notifications.support.SseClient;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SlowClientTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    RedisDataSource redis;

    private static String ticket(Person who) {
        return who.api()
                .post("/api/notifications/stream-tickets")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("ticket");
    }

    @Test
    void aClientThatStopsReadingIsDroppedWhileTheOthersKeepGettingEverything() throws Exception {
        Person me = People.anonymous();
        try (Socket slow = new Socket();
                SseClient fast = SseClient.open(base.toString(), ticket(me), null)) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            OutputStream out = slow.getOutputStream();
            out.write(("GET /api/notifications/stream?ticket=" + ticket(me) + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Accept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = slow.getInputStream();
            byte[] head = new byte[12];
            assertEquals(12, in.readNBytes(head, 0, 12));
            assertTrue(new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
            assertEquals(200, fast.status());
            assertNotNull(fast.next("unread-count", Duration.ofSeconds(10)));

            // ~16 MB of signals for a client that reads nothing: far more than socket buffers and the 64 KiB queue
            String payload = "x".repeat(64 * 1024);
            for (int i = 0; i < 256; i++) {
                redis.pubsub(String.class)
                        .publish(
                                LiveEvents.SIGNALS_CHANNEL,
                                "{\"userIds\":[\"" + me.id() + "\"],\"type\":\"bulk\",\"data\":{\"n\":" + i
                                        + ",\"p\":\"" + payload + "\"}}");
                Thread.sleep(2); // ~32 MB/s: a reading client keeps up, one that reads nothing cannot
            }
            for (int i = 0; i < 256; i++) {
                SseClient.Event event = fast.next("signal", Duration.ofSeconds(20));
                assertNotNull(event, "the reading client got signal " + i);
                assertTrue(event.data().contains("\"n\":" + i + ","), "in order");
            }
            // the slow one was dropped: what is buffered can still be read, then the connection ends
            slow.setSoTimeout(20_000);
            long read = 0;
            try {
                for (int n; (n = in.read(new byte[65536])) >= 0; ) {
                    read += n;
                }
            } catch (java.net.SocketException reset) {
                // reset by the server: dropped too
            }
            assertTrue(read < 256L * 64 * 1024, "the slow client got only " + read + " bytes before it was dropped");
        }
    }
}
