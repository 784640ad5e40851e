package org.chorus.notifications.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.chorus.notifications.service.MailPreferences;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.quarkus.security.Authenticated;

/** Which mails I get; security and moderation mail is always sent and has no switch. */
@Path("/api/notifications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "jwt")
public class PreferenceResource {

    private final MailPreferences preferences;
    private final JsonWebToken jwt;

    PreferenceResource(MailPreferences preferences, JsonWebToken jwt) {
        this.preferences = preferences;
        this.jwt = jwt;
    }

    @GET
    @Operation(summary = "My mail preferences")
    public MailPreferences.Preferences get() {
        return preferences.of(Params.subject(jwt.getSubject()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set my mail preferences (the four switches, and unseen if given)")
    public MailPreferences.Preferences put(@Valid @NotNull MailPreferences.Preferences body) {
        return preferences.save(Params.subject(jwt.getSubject()), body);
    }
}
