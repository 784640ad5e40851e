package org.chorus.admin.rest;

import java.net.URI;
import java.time.Instant;
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

import org.chorus.admin.Sanction;
import org.chorus.admin.SanctionAction;
import org.chorus.admin.service.Sanctions;
import org.chorus.web.Ids;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ListResponse;
import org.chorus.web.Slice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Sanctions imposed directly (not through a case) and their lifting; moderators and administrators. */
@Path("/api/admin/sanctions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"moderator", "admin"})
@SecurityRequirement(name = "jwt")
public class SanctionResource {

    private final Sanctions sanctions;
    private final Caller caller;

    SanctionResource(Sanctions sanctions, Caller caller) {
        this.sanctions = sanctions;
        this.caller = caller;
    }

    public record SanctionRequest(
            @NotNull UUID userId,

            @NotNull @Pattern(regexp = "warn|hide|suspend|ban")
            String action,

            @NotBlank @Size(max = 500) String reason,
            Instant until,
            @Min(1) @Max(Params.MAX_DURATION_HOURS) Integer durationHours,
            @Pattern(regexp = "post|comment") String targetKind,
            UUID targetId,
            UUID caseId) {}

    public record LiftRequest(@Size(max = 500) String reason) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            summary = "Impose a sanction: warn, hide a post or comment, suspend (until, or durationHours) or ban",
            description = "Publishes user-warned, content-hidden or user-suspended (a ban has no until) and the "
                    + "user's notice with a one-time appeal link (sanction-notice-requested).")
    @APIResponse(responseCode = "201", description = "The sanction")
    public Response impose(@Valid @NotNull SanctionRequest body) {
        Sanction sanction = sanctions.impose(
                caller.id(),
                new Sanctions.Imposition(
                        body.userId(),
                        SanctionAction.of(body.action()).orElseThrow(),
                        body.reason(),
                        Params.until(body.until(), body.durationHours()),
                        body.targetKind(),
                        body.targetId(),
                        body.caseId()));
        return Response.created(URI.create("/api/admin/sanctions/" + sanction.id()))
                .entity(sanction)
                .build();
    }

    @GET
    @Operation(summary = "Sanctions, newest first; optionally of one user")
    public ListResponse<Sanction> list(
            @Parameter(description = "only this user's sanctions (UUID)") @QueryParam("userId") String userId,
            @Parameter(description = "page size, 1-100, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Slice<Sanction> page =
                sanctions.list(Ids.query(userId, "userId"), KeysetCursor.decode(cursor), Params.limit(limit));
        return ListResponse.of(page);
    }

    @POST
    @Path("/{id}/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            summary = "Lift an active sanction: reinstates the user or restores the content",
            description = "409 sanction-not-active when it was lifted or has expired already.")
    public Sanction lift(@PathParam("id") String id, @Valid LiftRequest body) {
        return sanctions.lift(caller.id(), Ids.path(id, "Sanction"), body == null ? null : body.reason());
    }
}
