package org.chorus.admin.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.admin.service.ActivityStats;
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
    private final ActivityStats activity;

    StatsResource(SignupStats stats, ActivityStats activity) {
        this.stats = stats;
        this.activity = activity;
    }

    /**
     * Sign-ups (all-time total and per day), posts per day, reports received and reports settled (their case
     * resolved or dismissed) per day, and the median seconds from a case's first report to its closing.
     */
    public record Stats(long totalSignups, LocalDate from, LocalDate to, List<SignupStats.DayCount> signupsByDay,
                        List<ActivityStats.DayCount> postsByDay, List<ActivityStats.DayCount> reportsOpenedByDay,
                        List<ActivityStats.DayCount> reportsClosedByDay, Long medianSecondsToClose) {
    }

    @GET
    @Operation(summary = "Platform statistics per UTC day: sign-ups (and their all-time total), posts, reports "
            + "received and settled, and the median time to close a case; administrators only")
    public Stats get(
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
        SignupStats.Summary signups = stats.summary(first, last);
        ActivityStats.Moderation moderation = activity.summary(first, last);
        return new Stats(signups.totalSignups(), first, last, signups.signupsByDay(), moderation.postsByDay(),
                moderation.reportsOpenedByDay(), moderation.reportsClosedByDay(), moderation.medianSecondsToClose());
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", name + " must be a date like 2026-01-31");
        }
    }
}
