package org.chorus.users.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.chorus.users.service.ProfileService;
import org.chorus.users.service.ProfileUpdate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.Authenticated;
import org.chorus.web.StrictReader;
import org.chorus.web.Ids;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "profiles")
public class ProfileResource {

    private final ProfileService profiles;
    private final Caller caller;

    ProfileResource(ProfileService profiles, Caller caller) {
        this.profiles = profiles;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @Operation(summary = "The caller's own profile, in full")
    public ProfileResponse me() {
        return respond(profiles.view(caller.id(), caller.id()));
    }

    @PATCH
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictReader.class)
    @Operation(summary = "Change the caller's profile", description = "Absent fields stay as they are, an empty "
            + "string clears a field. Fields that cannot be set here (id, username, roles, ...) are refused with 400.")
    public ProfileResponse update(@Valid @NotNull ProfileUpdate update) {
        return ProfileResponse.full(profiles.update(caller.id(), update));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A profile", description = "In full when public or when the caller is a friend; a card "
            + "(name and avatar) when friends-only; 404 when it does not exist, is suspended or a block lies between.")
    public ProfileResponse get(@PathParam("id") String id) {
        return respond(profiles.view(caller.id(), Ids.path(id, "Profile")));
    }

    private static ProfileResponse respond(ProfileService.Seen seen) {
        return seen.full() ? ProfileResponse.full(seen.profile()) : ProfileResponse.card(seen.profile());
    }
}
