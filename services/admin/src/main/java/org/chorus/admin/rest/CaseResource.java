package org.chorus.admin.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.admin.ModerationCase;
import org.chorus.admin.SanctionAction;
import org.chorus.admin.service.CaseActions;
import org.chorus.admin.service.ModerationCases;
import org.chorus.web.Ids;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The moderation queue: cases built from reports, for moderators and administrators. */
@Path("/api/admin/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "jwt")
public class CaseResource {

    private final ModerationCases cases;
    private final CaseActions actions;
    private final Caller caller;

    CaseResource(ModerationCases cases, CaseActions actions, Caller caller) {
        this.cases = cases;
        this.actions = actions;
        this.caller = caller;
    }

    /** reporterId is shown to moderators only (absent for an administrator without the moderator role). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportView(
            UUID id, String reason, String comment, String snapshot, Instant reportedAt, UUID reporterId) {}

    /** The case's fields, then its reports and notes. */
    public record CaseDetail(
            @JsonUnwrapped ModerationCase moderationCase, List<ReportView> reports, List<ModerationCase.Note> notes) {}

    public record AssignRequest(UUID moderatorId) {}

    public record NoteRequest(@NotBlank @Size(max = 2000) String text) {}

    public record ResolveRequest(
            @NotNull @Pattern(regexp = "warn|hide|suspend|ban")
            String action,

            @NotBlank @Size(max = 500) String reason,
            Instant until,
            @Min(1) @Max(Params.MAX_DURATION_HOURS) Integer durationHours) {}

    public record DismissRequest(@Size(max = 500) String reason) {}

    @GET
    @Operation(summary = "The queue: cases newest (last report) or most-reported first; moderators and administrators")
    public ListResponse<ModerationCase> list(
            @Parameter(description = "open (default), resolved or dismissed") @QueryParam("state") String state,
            @Parameter(description = "post, comment or user") @QueryParam("targetKind") String targetKind,
            @Parameter(description = "only cases with a report giving this reason") @QueryParam("reason") String reason,
            @Parameter(description = "newest (default) or most-reported") @QueryParam("sort") String sort,
            @Parameter(description = "page size, 1-100, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        ModerationCases.Filter filter = new ModerationCases.Filter(
                Params.oneOf("state", state, ModerationCase.STATES, ModerationCase.OPEN),
                Params.oneOf("targetKind", targetKind, ModerationCase.TARGET_KINDS, null),
                Params.oneOf("reason", reason, ModerationCase.REASONS, null));
        ModerationCases.Sort order =
                "most-reported".equals(Params.oneOf("sort", sort, List.of("newest", "most-reported"), "newest"))
                        ? ModerationCases.Sort.MOST_REPORTED
                        : ModerationCases.Sort.NEWEST;
        ModerationCases.Page page = cases.list(filter, order, CaseCursor.decode(cursor), Params.limit(limit));
        return new ListResponse<>(page.items(), CaseCursor.encode(page.next()));
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "A case: its target, its reports (newest 200, with the reported text as it was) and notes")
    public CaseDetail get(@PathParam("id") String id) {
        UUID caseId = Ids.path(id, "Case");
        ModerationCase c = cases.find(caseId, false).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        boolean moderator = caller.is("moderator");
        List<ReportView> reports = cases.reports(caseId, ModerationCases.MAX_REPORTS_SHOWN).stream()
                .map(r -> new ReportView(
                        r.id(),
                        r.reason(),
                        r.comment(),
                        r.snapshot(),
                        r.reportedAt(),
                        moderator ? r.reporterId() : null))
                .toList();
        return new CaseDetail(c, reports, cases.notes(caseId));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign an open case to a moderator (default: the caller)")
    public ModerationCase assign(@PathParam("id") String id, @Valid AssignRequest body) {
        UUID me = caller.id();
        UUID moderator = body == null || body.moderatorId() == null ? me : body.moderatorId();
        return actions.assign(me, Ids.path(id, "Case"), moderator);
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note (at most 2000 characters) to a case")
    @APIResponse(responseCode = "201", description = "The note")
    public Response note(@PathParam("id") String id, @Valid @NotNull NoteRequest body) {
        UUID caseId = Ids.path(id, "Case");
        ModerationCase.Note note = actions.note(caller.id(), caseId, body.text());
        return Response.created(URI.create("/api/admin/cases/" + caseId))
                .entity(note)
                .build();
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Resolve an open case with an action on the target's author",
            description = "warn, hide (the reported post or comment), suspend (until an instant, or for durationHours) "
                    + "or ban; imposes the sanction (its events and the user's notice with an appeal link) and tells "
                    + "every reporter the outcome, without naming the moderator. 409 case-closed when it is not open.")
    public ModerationCase resolve(@PathParam("id") String id, @Valid @NotNull ResolveRequest body) {
        UUID caseId = Ids.path(id, "Case");
        SanctionAction action = SanctionAction.of(body.action()).orElseThrow();
        return actions.resolve(
                caller.id(), caseId, action, body.reason(), Params.until(body.until(), body.durationHours()));
    }

    @POST
    @Path("/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dismiss an open case: no action; every reporter is told")
    public ModerationCase dismiss(@PathParam("id") String id, @Valid DismissRequest body) {
        return actions.dismiss(caller.id(), Ids.path(id, "Case"), body == null ? null : body.reason());
    }
}
