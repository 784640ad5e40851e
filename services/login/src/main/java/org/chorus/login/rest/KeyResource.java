package org.chorus.login.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.chorus.login.Roles;
import org.chorus.login.service.SigningKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signing-key rotation, for admins. */
@Path("/api/auth/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "keys")
public class KeyResource {

    private final SigningKeys keys;

    KeyResource(SigningKeys keys) {
        this.keys = keys;
    }

    @POST
    @Path("/rotate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Sign with a new key from now on",
            description =
                    "The previous key stays in the JWKS "
                            + "until its last token has expired, so nobody is logged out. 409 when the key comes from configuration.")
    public Map<String, String> rotate() {
        return Map.of("kid", keys.rotate());
    }
}
