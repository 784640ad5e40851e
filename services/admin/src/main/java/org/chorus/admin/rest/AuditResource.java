package org.chorus.admin.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.admin.AuditKind;
import org.chorus.admin.service.AuditLog;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The security audit log, for administrators who need to see who was locked out, replayed or changed what. */
@Path("/api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
public class AuditResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    /** the canonical form only: UUID.fromString also takes shapes such as 1-1-1-1-1 */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** what PostgreSQL's timestamptz holds comfortably; beyond it an instant is a mistake, not a filter */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    /** One page of the audit log; {@code nextCursor} is null on the last page. */
    public record AuditPage(List<AuditLog.Item> items, String nextCursor) {
    }

    @GET
    @Operation(summary = "The security audit log, newest first; administrators only",
            description = "One entry per security event of login: failed logins, lockouts, replayed refresh tokens "
                    + "(compromised sessions), second-factor and password changes. Each has the event's time, kind, "
                    + "user, client address, a summary and details; never a token, hash or link. A deleted user's "
                    + "entries stay, without the user id, address, e-mail, username or user agent.")
    public AuditPage list(
            @Parameter(description = "only this user's entries (UUID)") @QueryParam("userId") String userId,
            @Parameter(description = "only this kind: login-failed, account-locked, session-compromised, "
                    + "two-factor-changed, password-changed, or a moderator action: role-granted, role-revoked, "
                    + "case-assigned, case-noted, case-resolved, case-dismissed, sanction-imposed, sanction-lifted, "
                    + "appeal-decided") @QueryParam("kind") String kind,
            @Parameter(description = "only events at or after this instant (ISO-8601, e.g. 2026-01-31T00:00:00Z)")
            @QueryParam("since") String since,
            @Parameter(description = "only events before this instant (ISO-8601)") @QueryParam("until") String until,
            @Parameter(description = "page size, 1-100, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest("invalid-range", "since must not be after until");
        }
        AuditLog.Filter filter = new AuditLog.Filter(userId(userId), kind(kind), from, to);
        AuditLog.Page page = audit.list(filter, KeysetCursor.decode(cursor), limit(limit));
        return new AuditPage(page.items(), KeysetCursor.encode(page.next()));
    }

    private static UUID userId(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return uuid(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-user-id", "userId must be a UUID");
        }
    }

    private static AuditKind kind(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return AuditKind.ofTopic(value).orElseThrow(() -> ProblemException.badRequest("invalid-kind",
                "kind must be one of " + java.util.Arrays.stream(AuditKind.values()).map(AuditKind::topic)
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
        throw ProblemException.badRequest("invalid-instant",
                name + " must be an ISO-8601 instant between the years 1 and 9999, like 2026-01-31T00:00:00Z");
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

    static UUID uuid(String value) {
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(value);
    }

    static boolean storable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
