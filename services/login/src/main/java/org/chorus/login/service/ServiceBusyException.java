package org.chorus.login.service;

import java.time.Duration;

/** The service is at its capacity for expensive work (hashing); the caller should retry later. */
public class ServiceBusyException extends RuntimeException {

    private final Duration retryAfter;

    public ServiceBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
