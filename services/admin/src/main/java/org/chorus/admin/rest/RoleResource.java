package org.chorus.admin.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.admin.Role;
import org.chorus.admin.service.RoleGrants;
import org.chorus.web.Ids;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Administrators grant and revoke moderator and admin; login applies the change to the user's tokens. */
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
public class RoleResource {

    private final RoleGrants roles;
    private final Caller caller;

    RoleResource(RoleGrants roles, Caller caller) {
        this.roles = roles;
        this.caller = caller;
    }

    public record UserView(UUID id, String username, List<String> roles) {}

    @PUT
    @Path("/{id}/roles/{role}")
    @Operation(
            summary = "Grant a role (moderator or admin); administrators only",
            description =
                    "Idempotent; publishes role-granted when the user did not hold the role. 404 for a user admin "
                            + "does not know.")
    @APIResponse(responseCode = "204", description = "The user holds the role")
    public Response grant(@PathParam("id") String id, @PathParam("role") String role) {
        roles.grant(caller.id(), Ids.path(id, "User"), role(role));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}/roles/{role}")
    @Operation(
            summary = "Revoke a role (moderator or admin); administrators only",
            description = "Idempotent; publishes role-revoked when the user held the role. The last administrator "
                    + "cannot lose the admin role (409 last-admin).")
    @APIResponse(responseCode = "204", description = "The user does not hold the role")
    public Response revoke(@PathParam("id") String id, @PathParam("role") String role) {
        roles.revoke(caller.id(), Ids.path(id, "User"), role(role));
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "Users holding moderator or admin, longest-standing first; administrators only")
    public ListResponse<UserView> list(
            @Parameter(description = "moderator or admin; absent: either") @QueryParam("role") String role,
            @Parameter(description = "page size, 1-100, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Role filter = role == null || role.isEmpty() ? null : role(role);
        Slice<RoleGrants.Holder> page = roles.holders(filter, KeysetCursor.decode(cursor), Params.limit(limit));
        return ListResponse.of(page, h -> new UserView(h.id(), h.username(), h.roles()));
    }

    private static Role role(String value) {
        return Role.of(value)
                .orElseThrow(() -> ProblemException.badRequest("invalid-role", "role must be moderator or admin"));
    }
}
