package org.chorus.notifications;

/** Where a delivery stands: waiting (first try or a retry), handed to SMTP, or given up on. */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED
}
