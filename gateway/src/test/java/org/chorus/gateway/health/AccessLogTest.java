package org.chorus.gateway.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every request the gateway answers leaves one access-log line with its method, path, status and request id. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class AccessLogTest {

    @Test
    void aProxiedRequestAndARefusedOneEachLeaveALineWithTheirRequestId() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger accessLog = Logger.getLogger("io.quarkus.http.access-log");
        accessLog.addHandler(capture);
        try {
            given().auth()
                    .oauth2(TestKeys.validToken())
                    .header("X-Request-Id", "access-log-ok-1")
                    .get("/api/users/me")
                    .then()
                    .statusCode(200);
            given().header("X-Request-Id", "access-log-refused-1")
                    .get("/api/users/me")
                    .then()
                    .statusCode(401);
            long end = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < end
                    && lines.stream().noneMatch(l -> l.contains("access-log-refused-1"))) {
                Thread.sleep(20);
            }
        } finally {
            accessLog.removeHandler(capture);
        }
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.contains("GET /api/users/me")
                                && l.contains(" 200 ")
                                && l.contains("rid=access-log-ok-1")),
                "no access-log line for the proxied request: " + lines);
        assertTrue(
                lines.stream().anyMatch(l -> l.contains(" 401 ") && l.contains("rid=access-log-refused-1")),
                "no access-log line for the refused request: " + lines);
    }
}
