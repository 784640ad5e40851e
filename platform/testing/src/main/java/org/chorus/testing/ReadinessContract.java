package org.chorus.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.Response;

/**
 * Readiness says only what a service cannot serve without: its database. Kafka (the outbox keeps events until the
 * broker is back, consumers resume where they were) and Redis (the deny-list check and every cache or limit fail
 * open) are no condition, so an outage of either does not take every replica out of the load balancer.
 *
 * <p>A service's test extends it in a {@code @QuarkusTest} with {@code @TestProfile(ReadinessContract.KafkaAndRedisAway.class)}
 * and the usual {@link ChorusInfrastructureResource}: the profile points Kafka and Redis at a closed port and the
 * datasource at a {@link DatabaseLink} the test cuts.
 */
public abstract class ReadinessContract {

    private static final String DATABASE_CHECK = "Database connections health check";
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Kafka and Redis unreachable (nothing listens on port 1); PostgreSQL through a link the test can cut. */
    public static class KafkaAndRedisAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ChorusInfrastructureResource infra = new ChorusInfrastructureResource();
            infra.init(Map.of(ChorusInfrastructureResource.MAIL, "false"));
            String postgres = infra.start().get("quarkus.datasource.jdbc.url");
            return Map.of(
                    "quarkus.datasource.jdbc.url", DatabaseLink.jdbcUrl(postgres),
                    "kafka.bootstrap.servers", "127.0.0.1:1",
                    "quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    @Test
    void readyAndAliveWithKafkaAndRedisUnreachable() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.status", everyItem(equalTo("UP")))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void notReadyWithoutTheDatabaseAndReadyAgainWhenItIsBack() {
        DatabaseLink.cut();
        try {
            awaitReadiness(503)
                    .then()
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("DOWN"));
        } finally {
            DatabaseLink.restore();
        }
        awaitReadiness(200).then().body("status", equalTo("UP"));
    }

    /** The first readiness answer with this status (the pool notices a cut link at its next check). */
    private static Response awaitReadiness(int status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Response response = given().get("/q/health/ready");
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for readiness " + status, e);
            }
            response = given().get("/q/health/ready");
        }
        response.then().statusCode(status);
        return response;
    }
}
