package org.chorus.notifications.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.notifications.service.MailPreferences;
import org.chorus.notifications.service.Unsubscribes;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * RFC 8058 one-click unsubscribe: the mail's {@code List-Unsubscribe} URL. POST (what mail
 * clients send, and the web page {@code /unsubscribe?token=}) turns that mail off; GET only says
 * what the token would switch off — link scanners fetch URLs, and must not unsubscribe anyone.
 * No token needed: the random per-mail token is the authorisation, and it can do nothing else.
 */
@Path("/api/notifications/unsubscribe")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class UnsubscribeResource {

    private final Unsubscribes unsubscribes;
    private final MailPreferences preferences;

    UnsubscribeResource(Unsubscribes unsubscribes, MailPreferences preferences) {
        this.unsubscribes = unsubscribes;
        this.preferences = preferences;
    }

    /** @param preference the switch (friendRequests, comments, mentions, digest, unseen); subscribed = whether it is on now */
    public record Unsubscription(String preference, boolean subscribed) {}

    @GET
    @Operation(summary = "What this unsubscribe link switches off, and whether it is on now (changes nothing)")
    public Unsubscription check(@QueryParam("token") String token) {
        Unsubscribes.Target target = target(token);
        return new Unsubscription(
                target.preference().wireName(), preferences.enabled(target.userId(), target.preference()));
    }

    @POST
    @Operation(summary = "One-click unsubscribe (RFC 8058): turn this mail off")
    public Unsubscription unsubscribe(@QueryParam("token") String token) {
        Unsubscribes.Target target = target(token);
        preferences.turnOff(target.userId(), target.preference());
        return new Unsubscription(target.preference().wireName(), false);
    }

    private Unsubscribes.Target target(String token) {
        if (token == null || token.isBlank()) {
            throw ProblemException.badRequest("missing-token", "token is required");
        }
        if (token.length() > 128) {
            throw ProblemException.notFound("unsubscribe token");
        }
        return unsubscribes.find(token).orElseThrow(() -> ProblemException.notFound("unsubscribe token"));
    }
}
