package org.chorus.admin.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.admin.AuditKind;
import org.chorus.admin.service.AuditLog;
import org.chorus.web.Ids;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The security audit log, for administrators who need to see who was locked out, replayed or changed what. */
@Path("/api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
public class AuditResource {

    /** what PostgreSQL's timestamptz holds comfortably; beyond it an instant is a mistake, not a filter */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Operation(
            summary = "The security audit log, newest first; administrators only",
            description = "One entry per security event of login: failed logins, lockouts, replayed refresh tokens "
                    + "(compromised sessions), second-factor and password changes. Each has the event's time, kind, "
                    + "user, client address, a summary and details; never a token, hash or link. A deleted user's "
                    + "entries stay, without the user id, address, e-mail, username or user agent.")
    public ListResponse<AuditLog.Item> list(
            @Parameter(description = "only this user's entries (UUID)") @QueryParam("userId") String userId,
            @Parameter(
                            description = "only this kind: login-failed, account-locked, session-compromised, "
                                    + "two-factor-changed, password-changed, or a moderator action: role-granted, role-revoked, "
                                    + "case-assigned, case-noted, case-resolved, case-dismissed, sanction-imposed, sanction-lifted, "
                                    + "appeal-decided")
                    @QueryParam("kind")
                    String kind,
            @Parameter(description = "only events at or after this instant (ISO-8601, e.g. 2026-01-31T00:00:00Z)")
                    @QueryParam("since")
                    String since,
            @Parameter(description = "only events before this instant (ISO-8601)") @QueryParam("until") String until,
            @Parameter(description = "page size, 1-100, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest("invalid-range", "since must not be after until");
        }
        AuditLog.Filter filter = new AuditLog.Filter(Ids.query(userId, "userId"), kind(kind), from, to);
        Slice<AuditLog.Item> page = audit.list(filter, KeysetCursor.decode(cursor), Params.limit(limit));
        return ListResponse.of(page);
    }

    private static AuditKind kind(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return AuditKind.ofTopic(value)
                .orElseThrow(() -> ProblemException.badRequest(
                        "invalid-kind",
                        "kind must be one of "
                                + java.util.Arrays.stream(AuditKind.values())
                                        .map(AuditKind::topic)
                                        .collect(java.util.stream.Collectors.joining(", "))));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (storable(instant)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // same answer as out of range
        }
        throw ProblemException.badRequest(
                "invalid-instant",
                name + " must be an ISO-8601 instant between the years 1 and 9999, like 2026-01-31T00:00:00Z");
    }

    static boolean storable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
