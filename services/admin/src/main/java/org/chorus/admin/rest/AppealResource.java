package org.chorus.admin.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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

import org.chorus.admin.Appeal;
import org.chorus.admin.Sanction;
import org.chorus.admin.service.Appeals;
import org.chorus.web.Ids;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;

/**
 * Appeals: the sanctioned user files one per sanction within the window — with the one-time code of the notice
 * (no token: a suspended user cannot log in) or with a token — and a moderator decides it.
 */
@Path("/api/admin/appeals")
@Produces(MediaType.APPLICATION_JSON)
public class AppealResource {

    /** Codes are 43 Base64url characters; anything else cannot be one (404 without a database lookup). */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Appeals appeals;
    private final Caller caller;

    AppealResource(Appeals appeals, Caller caller) {
        this.appeals = appeals;
        this.caller = caller;
    }

    public record AppealText(@NotBlank @Size(max = 2000) String text) {}

    public record AppealRequest(
            @NotNull UUID sanctionId,
            @NotBlank @Size(max = 2000) String text) {}

    public record DecideRequest(
            @NotNull @Pattern(regexp = "upheld|overturned") String decision,
            @Size(max = 500) String reason) {}

    /** What the holder of a code may see: the sanction (without who imposed it) and the appeal's progress. */
    public record CodeView(
            UUID sanctionId,
            String action,
            String reason,
            Instant until,
            String targetKind,
            UUID targetId,
            Instant issuedAt,
            String sanctionState,
            Instant appealDeadline,
            AppealStatus appeal) {}

    public record AppealStatus(UUID id, String state, Instant filedAt, Instant decidedAt, String decisionReason) {}

    @GET
    @Path("/code/{code}")
    @PermitAll
    @Operation(summary = "The sanction a one-time appeal code belongs to, and its appeal if filed (no token)")
    public CodeView byCode(@PathParam("code") String code) {
        Appeals.ByCode found = appeals.byCode(checked(code));
        Sanction s = found.sanction();
        Appeal a = found.appeal();
        return new CodeView(
                s.id(),
                s.action(),
                s.reason(),
                s.until(),
                s.targetKind(),
                s.targetId(),
                s.issuedAt(),
                s.state(),
                s.appealDeadline(),
                a == null ? null : status(a));
    }

    @POST
    @Path("/code/{code}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Appeal with the one-time code of the notice (no token)",
            description = "One appeal per sanction (409 appeal-exists), within 20 days (410 appeal-window-closed); "
                    + "404 for an unknown code.")
    @APIResponse(responseCode = "201", description = "The appeal, pending")
    public Response fileByCode(@PathParam("code") String code, @Valid @NotNull AppealText body) {
        Appeal appeal = appeals.fileByCode(checked(code), body.text());
        return Response.status(Response.Status.CREATED).entity(status(appeal)).build();
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "Appeal one of my sanctions",
            description = "404 for a sanction that is not the caller's; 409 appeal-exists; 410 appeal-window-closed.")
    @APIResponse(responseCode = "201", description = "The appeal, pending")
    public Response file(@Valid @NotNull AppealRequest body) {
        Appeal appeal = appeals.fileAsUser(caller.id(), body.sanctionId(), body.text());
        return Response.created(URI.create("/api/admin/appeals/" + appeal.id()))
                .entity(status(appeal))
                .build();
    }

    @GET
    @RolesAllowed({"moderator", "admin"})
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "Appeals, newest first: pending (default), upheld or overturned; moderators and administrators")
    public ListResponse<Appeal> list(
            @Parameter(description = "pending (default), upheld or overturned") @QueryParam("state") String state,
            @Parameter(description = "page size, 1-100, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Slice<Appeal> page = appeals.list(
                Params.oneOf("state", state, Appeal.STATES, Appeal.PENDING),
                KeysetCursor.decode(cursor),
                Params.limit(limit));
        return ListResponse.of(page);
    }

    @POST
    @Path("/{id}/decide")
    @RolesAllowed({"moderator", "admin"})
    @SecurityRequirement(name = "jwt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Uphold or overturn a pending appeal; overturning lifts the sanction",
            description =
                    "Publishes appeal-decided (the user is mailed the decision); 409 appeal-decided once decided.")
    public Appeal decide(@PathParam("id") String id, @Valid @NotNull DecideRequest body) {
        return appeals.decide(caller.id(), Ids.path(id, "Appeal"), body.decision(), body.reason());
    }

    private static String checked(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.notFound("Appeal code");
        }
        return code;
    }

    private static AppealStatus status(Appeal a) {
        return new AppealStatus(a.id(), a.state(), a.filedAt(), a.decidedAt(), a.decisionReason());
    }
}
