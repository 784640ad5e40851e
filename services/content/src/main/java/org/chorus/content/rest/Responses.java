package org.chorus.content.rest;

import java.util.UUID;

/** Small response bodies. */
final class Responses {

    private Responses() {
    }

    /** {@code 202 {"id": ...}} of an accepted report. */
    record Accepted(UUID id) {
    }
}
