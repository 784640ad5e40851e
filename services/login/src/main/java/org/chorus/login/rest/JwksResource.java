package org.chorus.login.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.login.service.SigningKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify access tokens, as a JWK Set (RFC 7517), read by every other service. */
@Path("/api/auth/jwks")
@Tag(name = "keys")
public class JwksResource {

    private final SigningKeys keys;

    JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "Public signing keys (JWKS): the current key and any previous one still in use")
    public Response jwks() {
        // short cache: a rotated-in key must reach verifiers soon (they also re-fetch on an unknown kid)
        return Response.ok(keys.jwksJson(), MediaType.APPLICATION_JSON)
                .header("Cache-Control", "public, max-age=60")
                .build();
    }
}
