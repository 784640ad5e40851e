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

import org.chorus.admin.service.DailyActiveUsers;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Daily active users (distinct users who logged in or refreshed a session that UTC day); moderators and admins. */
@Path("/api/admin/stats/active-users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "moderator"})
@SecurityRequirement(name = "jwt")
public class ActiveUsersResource {

    private final DailyActiveUsers activeUsers;

    ActiveUsersResource(DailyActiveUsers activeUsers) {
        this.activeUsers = activeUsers;
    }

    /** The days of the range that had active users, newest first. */
    public record ActiveUsers(LocalDate from, LocalDate to, List<DailyActiveUsers.DayCount> activeUsersByDay) {}

    @GET
    @Operation(
            summary = "Daily active users per UTC day: distinct users who logged in or refreshed a session; "
                    + "moderators and administrators")
    public ActiveUsers get(
            @Parameter(description = "first day (UTC, yyyy-mm-dd); default: 29 days before `to`") @QueryParam("from")
                    String from,
            @Parameter(description = "last day (UTC, yyyy-mm-dd); default: today") @QueryParam("to") String to) {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : date("to", to);
        LocalDate first = from == null ? last.minusDays(StatsResource.DEFAULT_DAYS - 1) : date("from", from);
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("invalid-range", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= StatsResource.MAX_DAYS) {
            throw ProblemException.badRequest(
                    "invalid-range", "at most " + StatsResource.MAX_DAYS + " days per request");
        }
        return new ActiveUsers(first, last, activeUsers.byDay(first, last));
    }

    private static LocalDate date(String name, String value) {
        try {
            LocalDate day = LocalDate.parse(value);
            // ISO dates may have years PostgreSQL cannot store (+999999999): outside 1-9999 is no day of ours
            if (day.getYear() >= 1 && day.getYear() <= 9999) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // the same answer as a year out of range
        }
        throw ProblemException.badRequest("invalid-date", name + " must be a date like 2026-01-31");
    }
}
