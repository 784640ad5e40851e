package org.chorus.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;

/** One endpoint that needs a token, as every service has. */
@Path("/probe")
public class ProbeResource {

    private final JsonWebToken token;

    ProbeResource(JsonWebToken token) {
        this.token = token;
    }

    @GET
    @Authenticated
    public String whoAmI() {
        return token.getSubject();
    }
}
