package org.chorus.gateway.health;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Singleton;

import org.chorus.gateway.auth.DenyListMirror;
import org.chorus.gateway.config.GatewayConfig;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.RedisAPI;

/**
 * Readiness of the deny-list's Redis (the gateway's only dependency; upstreams being up is not the gateway's
 * readiness). Failing open, a Redis outage is reported but keeps the gateway ready: taking every gateway out of
 * the load balancer would turn a degraded check into a full outage. Failing closed, protected requests would all
 * get 503, so the gateway is not ready.
 */
@Readiness
@Singleton
class DenyListHealthCheck implements AsyncHealthCheck {

    private static final String NAME = "deny-list (Redis)";

    private final RedisAPI redis;
    private final DenyListMirror mirror;
    private final boolean failOpen;
    private final Duration timeout;

    DenyListHealthCheck(RedisAPI redis, DenyListMirror mirror, GatewayConfig config) {
        this.redis = redis;
        this.mirror = mirror;
        this.failOpen = config.denyList().failOpen();
        this.timeout = config.denyList().timeout().multipliedBy(2);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom()
                .completionStage(() -> redis.ping(List.of()).toCompletionStage())
                .ifNoItem()
                .after(timeout)
                .fail()
                .map(pong -> HealthCheckResponse.named(NAME)
                        .up()
                        .withData("redis", "up")
                        .withData("mirror", mirror.state())
                        .withData("failOpen", failOpen)
                        .build())
                .onFailure()
                .recoverWithItem(failure -> HealthCheckResponse.named(NAME)
                        .status(failOpen)
                        .withData("redis", "down: " + failure.getClass().getSimpleName())
                        .withData("mirror", mirror.state())
                        .withData("failOpen", failOpen)
                        .build());
    }
}
