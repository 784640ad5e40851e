package org.chorus.login.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.login.Roles;
import org.chorus.login.service.AccountDeletion;
import org.chorus.login.service.AccountService;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/** An account's own view of itself. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "account")
public class AccountResource {

    private final AccountService accounts;
    private final AccountDeletion deletion;
    private final JsonWebToken jwt;

    AccountResource(AccountService accounts, AccountDeletion deletion, JsonWebToken jwt) {
        this.accounts = accounts;
        this.deletion = deletion;
        this.jwt = jwt;
    }

    @GET
    @Path("/me")
    @Operation(summary = "The caller's account")
    public AccountResponse me() {
        return get(UUID.fromString(jwt.getSubject()));
    }

    @DELETE
    @Path("/account")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Delete my account",
            description = "Needs the password again, and with 2FA on a code "
                    + "(or a recovery code). Every session ends, the "
                    + "account is erased and user-deleted tells the other services to erase theirs.")
    public Response delete(@Valid @NotNull PasswordConfirmation body, @Context HttpServerRequest request) {
        deletion.delete(UUID.fromString(jwt.getSubject()), body.proof(), ClientInfos.of(request));
        return Response.noContent().build();
    }

    @GET
    @Path("/accounts/{id}")
    @Operation(
            summary = "An account",
            description = "Only its owner (or an admin) sees it; for anyone else it " + "does not exist (404).")
    public AccountResponse get(@PathParam("id") UUID id) {
        boolean mayRead =
                id.toString().equals(jwt.getSubject()) || jwt.getGroups().contains(Roles.ADMIN);
        if (!mayRead) {
            throw ProblemException.notFound("Account");
        }
        return accounts.find(id).map(AccountResponse::of).orElseThrow(() -> ProblemException.notFound("Account"));
    }
}
