package org.chorus.gateway;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

/** Counters for what the gateway decides on its own (request timings come from Quarkus' HTTP server metrics). */
@Singleton
public class GatewayMetrics {

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param kind unavailable, timeout or bad_gateway */
    public void upstreamFailure(Upstream upstream, String kind) {
        registry.counter("chorus.gateway.upstream.failures", "upstream", upstream.name(), "kind", kind).increment();
    }

    /** @param reason missing, invalid or revoked */
    public void authRejected(String reason) {
        registry.counter("chorus.gateway.auth.rejected", "reason", reason).increment();
    }

    /** Redis could not say whether a token is revoked. @param failOpen whether the request was let through */
    public void denyListUnavailable(boolean failOpen) {
        registry.counter("chorus.gateway.denylist.unavailable", "mode", failOpen ? "fail_open" : "fail_closed")
                .increment();
    }

    /** Redis could not count a request against its rate limit; it passed uncounted. */
    public void rateLimitUnavailable() {
        registry.counter("chorus.gateway.ratelimit.unavailable").increment();
    }

    /** A request was refused with 429. */
    public void rateLimited(String policy) {
        registry.counter("chorus.gateway.ratelimit.refused", "policy", policy).increment();
    }
}
