package org.chorus.admin.rest;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.admin.service.DataExports;
import org.chorus.web.Ids;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ListResponse;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;

/**
 * A user's export of their own data: asked for here, assembled from every service's part (data-export-requested →
 * data-export-part), mailed as a one-time link, downloaded without a token until it expires.
 */
@Path("/api/admin/exports")
@Produces(MediaType.APPLICATION_JSON)
public class DataExportResource {

    /** Codes are 43 Base64url characters; anything else cannot be one (404 without a database lookup). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final String ZIP = "application/zip";

    private final DataExports exports;
    private final Caller caller;

    DataExportResource(DataExports exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @POST
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "Ask for an export of my data",
            description = "Every service holding data of the caller sends its part; once all are in, the zip (one "
                    + "JSON file per service) is kept for chorus.export.retention and a one-time download link is "
                    + "mailed. One open export per user: 409 export-in-progress while one is pending (unless it is "
                    + "overdue, which it then replaces).")
    @APIResponse(responseCode = "202", description = "The export, pending (or ready, when nothing else holds data)")
    public Response request() {
        DataExports.View view = exports.request(caller.id());
        return Response.accepted(view)
                .location(URI.create("/api/admin/exports/" + view.id()))
                .build();
    }

    @GET
    @RolesAllowed("admin")
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "Every user's exports, newest first, with each service's part; administrators only",
            description = "overdue: a service's part did not come within chorus.export.deadline. Never the data.")
    public ListResponse<DataExports.Summary> list(
            @Parameter(description = "pending, overdue, ready, expired or abandoned; all when absent")
                    @QueryParam("state")
                    String state,
            @Parameter(description = "page size, 1-100, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        String filter = Params.oneOf("state", state, DataExports.STATES, "");
        return ListResponse.of(
                exports.list(filter.isEmpty() ? null : filter, KeysetCursor.decode(cursor), Params.limit(limit)));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "The state of one of my exports",
            description = "pending, overdue (a part did not come in time), ready, expired or abandoned (replaced by a "
                    + "newer request), with each service's part received or pending; another user's export is a 404.")
    public DataExports.View get(@PathParam("id") String id) {
        return exports.view(caller.id(), Ids.path(id, "Export"));
    }

    @GET
    @Path("/download/{code}")
    @PermitAll
    @Produces({ZIP, "application/problem+json"})
    @Operation(
            summary = "Download an export's zip with the one-time code of its mail (no token)",
            description = "404 for an unknown code, 410 export-expired once it has expired. Never cached.")
    @APIResponse(responseCode = "200", description = "The zip: one JSON file per service")
    public Response download(@PathParam("code") String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.notFound("Export");
        }
        DataExports.Archive archive = exports.download(code);
        return Response.ok(archive.zip(), ZIP)
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"chorus-export-" + archive.id() + ".zip\"")
                .build();
    }
}
