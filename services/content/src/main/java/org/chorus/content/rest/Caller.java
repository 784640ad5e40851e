package org.chorus.content.rest;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.chorus.content.service.Viewer;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/** Who is calling: the user of the access token, or nobody on the public reads that take no token. */
@RequestScoped
class Caller {

    private static final Set<String> MODERATING = Set.of("moderator", "admin");

    private final JsonWebToken jwt;

    Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    /** The reader: anonymous without a token (a bad token never gets this far: it is a 401). */
    Viewer viewer() {
        String subject = jwt.getSubject();
        if (subject == null) {
            return Viewer.ANONYMOUS;
        }
        return new Viewer(id(subject), jwt.getName(), jwt.getGroups().stream().anyMatch(MODERATING::contains));
    }

    /** The reader, who must be a user. */
    Viewer user() {
        Viewer viewer = viewer();
        if (viewer.anonymous()) {
            throw new UnauthorizedException();
        }
        return viewer;
    }

    private static UUID id(String subject) {
        try {
            UUID id = UUID.fromString(subject);
            if (id.toString().equalsIgnoreCase(subject)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        // a token from our issuer always carries a user id; anything else is not a user
        throw new UnauthorizedException();
    }
}
