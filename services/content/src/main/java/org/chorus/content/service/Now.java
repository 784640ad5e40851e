package org.chorus.content.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** PostgreSQL keeps microseconds: times are cut there before use, so what a client sees equals what is stored. */
final class Now {

    private Now() {
    }

    static Instant micros() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
