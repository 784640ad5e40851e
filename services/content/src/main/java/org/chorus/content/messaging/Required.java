package org.chorus.content.messaging;

/** An event without its key fields can never be handled: failing sends it to the dead-letter topic. */
final class Required {

    private Required() {
    }

    static <T> T of(T value) {
        if (value == null) {
            throw new IllegalArgumentException("event lacks a required field");
        }
        return value;
    }
}
