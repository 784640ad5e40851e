package org.chorus.admin;

import java.util.Arrays;
import java.util.Optional;

/** Where an erasure request stands: every expected service confirmed, or not yet (in time, or past the deadline). */
public enum ErasureState {
    PENDING,
    COMPLETE,
    OVERDUE;

    public String value() {
        return name().toLowerCase();
    }

    public static Optional<ErasureState> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }
}
