package org.chorus.content.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.content.service.ReportService;
import org.chorus.web.StrictReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.Authenticated;

@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportResource {

    private final ReportService reports;
    private final Caller caller;

    ReportResource(ReportService reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "202", description = "Accepted for the moderators: {id}")
    @Operation(
            summary = "Report a post, a comment or a user",
            description = "reason: spam, harassment, hate, "
                    + "violence, sexual, misinformation, illegal or other; comment up to 1000 characters. 404 when the caller "
                    + "may not see the target.")
    public Response report(@Valid @NotNull ReportCommand command) {
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment();
        UUID id = reports.report(
                caller.user(), command.targetKind(), UUID.fromString(command.targetId()), command.reason(), comment);
        return Response.accepted(new Responses.Accepted(id)).build();
    }
}
