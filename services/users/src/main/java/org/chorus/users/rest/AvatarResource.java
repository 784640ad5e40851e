package org.chorus.users.rest;


import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.chorus.users.service.Identicon;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.chorus.web.Ids;

/**
 * Generated avatars. Public (no token): the picture is derived from the id alone and reveals
 * nothing about the user, so any well-formed id gets one — whether the account exists or not.
 */
@Path("/api/users")
@Tag(name = "avatars")
public class AvatarResource {

    static final String SVG = "image/svg+xml";
    static final String PNG = "image/png";
    /** Deterministic per id: it never changes, so caches may keep it for a year. */
    private static final String CACHE = "public, max-age=31536000, immutable";
    private static final int PNG_SIZE = 240;

    @GET
    @Path("/{id}/avatar")
    @Operation(summary = "Generated avatar (SVG)", description = "Same as avatar.svg")
    public Response avatar(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return svg(id, ifNoneMatch);
    }

    @GET
    @Path("/{id}/avatar.svg")
    @Operation(summary = "Generated avatar as SVG", description = "ETag and long-lived Cache-Control; 304 on If-None-Match")
    public Response svg(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Identicon icon = Identicon.of(Ids.path(id, "Avatar"));
        return respond(icon.etag("svg"), ifNoneMatch, SVG, () -> icon.svg());
    }

    @GET
    @Path("/{id}/avatar.png")
    @Operation(summary = "Generated avatar as PNG (240×240)", description = "ETag and long-lived Cache-Control; 304 on If-None-Match")
    public Response png(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Identicon icon = Identicon.of(Ids.path(id, "Avatar"));
        return respond(icon.etag("png"), ifNoneMatch, PNG, () -> icon.png(PNG_SIZE));
    }

    private static Response respond(String etag, String ifNoneMatch, String type,
                                    java.util.function.Supplier<Object> body) {
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        return Response.ok(body.get(), type).header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE)
                .build();
    }

    /** If-None-Match may list several tags, weak ones (W/) included, or be "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

}
