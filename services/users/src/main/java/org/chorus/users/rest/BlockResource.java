package org.chorus.users.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.users.service.BlockService;
import org.chorus.users.service.UserCard;
import org.chorus.web.KeysetCursor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import org.chorus.web.Limits;
import org.chorus.web.Ids;
import org.chorus.web.ListResponse;

/** The caller's blocks and mutes. Each caller only ever touches their own lists. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "blocks and mutes")
public class BlockResource {

    private final BlockService blocks;
    private final Caller caller;

    BlockResource(BlockService blocks, Caller caller) {
        this.blocks = blocks;
        this.caller = caller;
    }

    @PUT
    @Path("/me/blocks/{userId}")
    @Operation(summary = "Block a user", description = "Ends any friendship and pending request between us and "
            + "hides us from each other. Idempotent. Publishes user-blocked (and friendship-removed).")
    public void block(@PathParam("userId") String userId) {
        blocks.block(caller.id(), Ids.path(userId, "User"));
    }

    @DELETE
    @Path("/me/blocks/{userId}")
    @Operation(summary = "Lift a block (404 when there is none)", description = "Publishes user-unblocked.")
    public void unblock(@PathParam("userId") String userId) {
        blocks.unblock(caller.id(), Ids.path(userId, "Block"));
    }

    @GET
    @Path("/me/blocks")
    @Operation(summary = "Users I blocked, most recent first")
    public ListResponse<UserCard> blocked(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return ListResponse.of(blocks.blocks(caller.id(), KeysetCursor.decode(cursor), Limits.parse(limit)));
    }

    @PUT
    @Path("/me/mutes/{userId}")
    @Operation(summary = "Mute a user", description = "Hides them from me only (search, suggestions). Idempotent. "
            + "Publishes user-muted.")
    public void mute(@PathParam("userId") String userId) {
        blocks.mute(caller.id(), Ids.path(userId, "User"));
    }

    @DELETE
    @Path("/me/mutes/{userId}")
    @Operation(summary = "Lift a mute (404 when there is none)", description = "Publishes user-unmuted.")
    public void unmute(@PathParam("userId") String userId) {
        blocks.unmute(caller.id(), Ids.path(userId, "Mute"));
    }

    @GET
    @Path("/me/mutes")
    @Operation(summary = "Users I muted, most recent first")
    public ListResponse<UserCard> muted(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return ListResponse.of(blocks.mutes(caller.id(), KeysetCursor.decode(cursor), Limits.parse(limit)));
    }
}
