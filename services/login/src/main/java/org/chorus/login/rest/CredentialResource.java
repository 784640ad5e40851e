package org.chorus.login.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.login.ApiCredential;
import org.chorus.login.service.ApiCredentials;
import org.chorus.web.Ids;
import org.chorus.web.ListResponse;
import org.chorus.web.NoStore;
import org.chorus.web.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/** API credentials for bots and integrations, and their exchange for access tokens. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credentials")
public class CredentialResource {

    private final ApiCredentials credentials;
    private final JsonWebToken jwt;

    CredentialResource(ApiCredentials credentials, JsonWebToken jwt) {
        this.credentials = credentials;
        this.jwt = jwt;
    }

    public record CreateRequest(@Size(max = 100) String name) {}

    public record CredentialView(UUID id, String name, String publicKey, Instant createdAt, Instant lastUsedAt) {
        static CredentialView of(ApiCredential c) {
            return new CredentialView(c.id, c.name, c.publicKey, c.createdAt, c.lastUsedAt);
        }
    }

    /** @param secretKey shown this once only */
    public record CreatedView(UUID id, String name, String publicKey, String secretKey, Instant createdAt) {}

    public record ExchangeRequest(
            @NotBlank @Size(max = 100) String publicKey,
            @NotBlank @Size(max = 100) String secretKey) {
        @Override
        public String toString() {
            return "ExchangeRequest[publicKey=" + publicKey + "]";
        }
    }

    public record AccessTokenResponse(String accessToken, String tokenType, long expiresIn) {}

    @POST
    @Path("/credentials")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API credential", description = "The secret key is in this answer only.")
    @NoStore
    public Response create(@Valid CreateRequest body) {
        ApiCredentials.Created created = credentials.create(me(), body == null ? null : body.name());
        ApiCredential c = created.credential();
        return Response.status(201)
                .entity(new CreatedView(c.id, c.name, c.publicKey, created.secretKey(), c.createdAt))
                .build();
    }

    @GET
    @Path("/credentials")
    @Authenticated
    @Operation(
            summary = "My API credentials (never their secrets)",
            description = "At most 20 per account, " + "so the list is one page.")
    public ListResponse<CredentialView> list() {
        List<CredentialView> items =
                credentials.list(me()).stream().map(CredentialView::of).toList();
        return new ListResponse<>(items, null);
    }

    @DELETE
    @Path("/credentials/{id}")
    @Authenticated
    @Operation(summary = "Delete one of my API credentials", description = "Its tokens stop working at once.")
    public Response delete(@PathParam("id") String id) {
        if (!credentials.delete(me(), Ids.path(id, "API credential"))) {
            throw ProblemException.notFound("API credential");
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("/credentials")
    @Authenticated
    @Operation(summary = "Delete all my API credentials")
    public Map<String, Integer> deleteAll() {
        return Map.of("deleted", credentials.deleteAll(me()));
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Exchange an API key pair for an access token of its owner",
            description = "A wrong pair is the same 401 as a failed login and counts against the caller's address.")
    @NoStore
    public AccessTokenResponse token(
            @Valid @jakarta.validation.constraints.NotNull ExchangeRequest body, @Context HttpServerRequest request) {
        ApiCredentials.Exchanged exchanged =
                credentials.exchange(body.publicKey(), body.secretKey(), ClientInfos.of(request));
        return new AccessTokenResponse(exchanged.accessToken(), "Bearer", exchanged.expiresIn());
    }

    private UUID me() {
        return UUID.fromString(jwt.getSubject());
    }
}
