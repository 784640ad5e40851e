package org.chorus.users.rest;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/** The authenticated user behind the current request, from the access token's {@code sub}. */
@RequestScoped
class Caller {

    private final JsonWebToken jwt;

    Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    UUID id() {
        String subject = jwt.getSubject();
        if (subject == null) {
            throw new UnauthorizedException();
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            // a token from our issuer always carries a user id; anything else is not a user
            throw new UnauthorizedException();
        }
    }
}
