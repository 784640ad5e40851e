package org.chorus.login.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimitSpecTest {

    @Test
    void limitsAreReadAsMaxSlashWindow() {
        assertEquals(new RateLimiter.Limit(10, Duration.ofHours(1)), RateLimiter.Limit.parse("10/1h"));
        assertEquals(new RateLimiter.Limit(3, Duration.ofMinutes(10)), RateLimiter.Limit.parse(" 3 / 10m "));
        assertEquals(new RateLimiter.Limit(30, Duration.ofSeconds(45)), RateLimiter.Limit.parse("30/45s"));
        assertEquals(new RateLimiter.Limit(100, Duration.ofDays(1)), RateLimiter.Limit.parse("100/1d"));
    }

    @Test
    void malformedLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RateLimiter.Limit.parse("10"));
        assertThrows(RuntimeException.class, () -> RateLimiter.Limit.parse("ten/1h"));
        assertThrows(RuntimeException.class, () -> RateLimiter.Limit.parse("10/soon"));
    }
}
