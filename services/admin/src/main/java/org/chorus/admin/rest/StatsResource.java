package org.chorus.admin.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.admin.service.SignupStats;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/admin/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
public class StatsResource {

    /** The list of days is bounded: at most a year per request. */
    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    private final SignupStats stats;

    StatsResource(SignupStats stats) {
        this.stats = stats;
    }

    @GET
    @Operation(summary = "Sign-up statistics: the all-time total and sign-ups per UTC day; administrators only")
    public SignupStats.Summary get(
            @Parameter(description = "first day (UTC, yyyy-mm-dd); default: 29 days before `to`") @QueryParam("from") String from,
            @Parameter(description = "last day (UTC, yyyy-mm-dd); default: today") @QueryParam("to") String to) {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : date("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("invalid-range", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ProblemException.badRequest("invalid-range", "at most " + MAX_DAYS + " days per request");
        }
        return stats.summary(first, last);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", name + " must be a date like 2026-01-31");
        }
    }
}
