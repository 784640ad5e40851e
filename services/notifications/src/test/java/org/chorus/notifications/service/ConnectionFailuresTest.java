package org.chorus.notifications.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {

    @Test
    void a421ReplyOrAClosedConnectionIsConnectionLevel() {
        assertTrue(
                ConnectionFailures.isConnectionLevel(new IllegalStateException("421 4.4.2 Error: timeout exceeded")));
        assertTrue(ConnectionFailures.isConnectionLevel(
                new RuntimeException("send failed", new RuntimeException("Connection was closed"))));
        assertTrue(ConnectionFailures.isConnectionLevel(new RuntimeException(new IOException("Broken pipe"))));
    }

    @Test
    void aRefusedMailIsNot() {
        assertFalse(ConnectionFailures.isConnectionLevel(new IllegalStateException("550 5.1.1 mailbox unavailable")));
        assertFalse(
                ConnectionFailures.isConnectionLevel(new IllegalStateException("552 message of 4210 bytes too big")));
        assertFalse(ConnectionFailures.isConnectionLevel(new IllegalStateException((String) null)));
    }
}
