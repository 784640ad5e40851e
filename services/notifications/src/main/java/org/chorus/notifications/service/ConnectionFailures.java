package org.chorus.notifications.service;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells a failure of the connection to the mail server (an idle connection the server dropped
 * with SMTP 421, or closed) from a refusal of the mail itself. The first kind says nothing about
 * the mail: it is retried at once on a fresh connection rather than waiting out the back-off.
 */
final class ConnectionFailures {

    private static final Pattern SMTP_421 = Pattern.compile("(^|\\D)421(\\D|$)");

    private ConnectionFailures() {}

    static boolean isConnectionLevel(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof ClosedChannelException) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (SMTP_421.matcher(message).find()
                    || message.contains("connection was closed")
                    || message.contains("connection reset")
                    || message.contains("connection closed")) {
                return true;
            }
        }
        return false;
    }
}
