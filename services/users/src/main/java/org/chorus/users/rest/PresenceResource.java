package org.chorus.users.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.chorus.users.service.PresenceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.Authenticated;
import org.chorus.web.StrictReader;

@Path("/api/users")
@Authenticated
@Tag(name = "presence")
public class PresenceResource {

    private final PresenceService presence;
    private final Caller caller;

    PresenceResource(PresenceService presence, Caller caller) {
        this.presence = presence;
        this.caller = caller;
    }

    @POST
    @Path("/me/presence")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @Operation(summary = "Heartbeat: this device is online", description = "Send every ~30 s; a device that stops "
            + "goes offline after 60 s, and the user with it once no device beats.")
    public void heartbeat(@Valid @NotNull PresenceCommand command) {
        presence.heartbeat(caller.id());
    }
}
