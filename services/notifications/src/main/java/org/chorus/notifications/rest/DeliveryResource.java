package org.chorus.notifications.rest;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.notifications.DeliveryStatus;
import org.chorus.notifications.service.DeliveryLog;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The delivery log, for administrators who need to see what was sent, what is pending and what failed. */
@Path("/api/notifications/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
public class DeliveryResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final DeliveryLog log;

    DeliveryResource(DeliveryLog log) {
        this.log = log;
    }

    /** One page of the delivery log; {@code nextCursor} is null on the last page. */
    public record DeliveryPage(List<DeliveryLog.Delivery> items, String nextCursor) {}

    @GET
    @Operation(
            summary = "The delivery log, newest first; administrators only",
            description = "Recipient, kind, status (PENDING, SENT, FAILED), attempts and the last error of each "
                    + "e-mail. The mails' contents (which carry one-time links) are never shown.")
    public DeliveryPage list(
            @Parameter(description = "PENDING, SENT or FAILED") @QueryParam("status") String status,
            @Parameter(description = "only mails to this address") @QueryParam("recipient") String recipient,
            @Parameter(description = "page size, 1-100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        DeliveryLog.Page page =
                log.list(status(status), recipient(recipient), KeysetCursor.decode(cursor), limit(limit));
        return new DeliveryPage(page.items(), KeysetCursor.encode(page.next()));
    }

    private static DeliveryStatus status(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-status", "status must be PENDING, SENT or FAILED");
        }
    }

    private static String recipient(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 320) {
            throw ProblemException.badRequest("invalid-recipient", "recipient is at most 320 characters");
        }
        return value;
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // same answer as out of range
        }
        throw ProblemException.badRequest("invalid-limit", "limit must be a number from 1 to " + MAX_LIMIT);
    }
}
