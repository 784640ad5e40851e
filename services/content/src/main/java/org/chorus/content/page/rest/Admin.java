package org.chorus.content.page.rest;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/** The administrator behind a write, from the access token's {@code sub}: saved as the version's author. */
@RequestScoped
class Admin {

    private final JsonWebToken jwt;

    Admin(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    /**
     * On a public read: a token that was sent is checked before anything else (a bad one is a 401 even where no
     * token is needed); reading the token is what makes Quarkus authenticate it.
     */
    void checkTokenIfSent() {
        jwt.getSubject();
    }

    UUID id() {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (RuntimeException e) {
            // login's tokens always carry a user id; a token without one names nobody
            throw new UnauthorizedException();
        }
    }
}
