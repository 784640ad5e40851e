package org.chorus.notifications.rest;

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
import org.chorus.web.Limits;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The delivery log, for administrators who need to see what was sent, what is pending and what failed. */
@Path("/api/notifications/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
public class DeliveryResource {

    private final DeliveryLog log;

    DeliveryResource(DeliveryLog log) {
        this.log = log;
    }

    @GET
    @Operation(
            summary = "The delivery log, newest first; administrators only",
            description = "Recipient, kind, status (PENDING, SENT, FAILED), attempts and the last error of each "
                    + "e-mail. The mails' contents (which carry one-time links) are never shown.")
    public ListResponse<DeliveryLog.Delivery> list(
            @Parameter(description = "PENDING, SENT or FAILED") @QueryParam("status") String status,
            @Parameter(description = "only mails to this address") @QueryParam("recipient") String recipient,
            @Parameter(description = "page size, 1-100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Slice<DeliveryLog.Delivery> page =
                log.list(status(status), recipient(recipient), KeysetCursor.decode(cursor), Limits.parse(limit));
        return ListResponse.of(page);
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
}
