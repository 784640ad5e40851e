package org.chorus.admin.rest;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.chorus.web.Ids;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the user id of the access token's {@code sub}, and their roles ({@code groups}). */
@RequestScoped
class Caller {

    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    UUID id() {
        try {
            return Ids.field(token.getSubject(), "sub");
        } catch (RuntimeException e) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "The token does not name a user");
        }
    }

    boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }
}
