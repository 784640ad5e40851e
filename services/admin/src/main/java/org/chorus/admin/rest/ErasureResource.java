package org.chorus.admin.rest;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.admin.ErasureState;
import org.chorus.admin.service.Erasures;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ListResponse;
import org.chorus.web.Slice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The erasure requests (one per deleted account) and which services have confirmed theirs; administrators only. */
@Path("/api/admin/erasures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
public class ErasureResource {

    private static final List<String> STATES =
            Arrays.stream(ErasureState.values()).map(ErasureState::value).toList();

    private final Erasures erasures;

    ErasureResource(Erasures erasures) {
        this.erasures = erasures;
    }

    @GET
    @Operation(
            summary = "Erasure requests, newest first, with each service's confirmation; administrators only",
            description = "A request opens when an account is deleted and expects a confirmation (erasure-confirmed) "
                    + "from each configured service. complete: all confirmed; overdue: one has not confirmed within "
                    + "the deadline (chorus.erasure.deadline); pending: otherwise.")
    public ListResponse<Erasures.Item> list(
            @Parameter(description = "pending, complete or overdue; all when absent") @QueryParam("state") String state,
            @Parameter(description = "page size, 1-100, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        ErasureState filter =
                ErasureState.of(Params.oneOf("state", state, STATES, "")).orElse(null);
        Slice<Erasures.Item> page = erasures.list(filter, KeysetCursor.decode(cursor), Params.limit(limit));
        return ListResponse.of(page);
    }
}
