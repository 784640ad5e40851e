package org.chorus.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.Authenticated;

/** Endpoints that fail in every way the mappers must handle. */
@Path("/probe")
public class ProbeResource {

    public record Thing(
            @NotBlank @Email String email,
            @NotNull @Size(min = 3, max = 5) String name,
            int count) {}

    @POST
    public Thing create(@Valid @NotNull Thing thing) {
        return thing;
    }

    /** The body of a strict endpoint: what a client may send, no more. */
    public record Note(@NotNull String text) {}

    @POST
    @Path("/strict")
    @CustomDeserialization(StrictReader.class)
    public Note strict(@Valid @NotNull Note note) {
        return note;
    }

    public record Tags(List<String> tags, Map<String, String> labels) {}

    @POST
    @Path("/tags")
    public Tags tags(Tags tags) {
        return tags;
    }

    @POST
    @Path("/tree")
    public int tree(JsonNode tree) {
        return tree.size();
    }

    @GET
    @Path("/search")
    public String search(@QueryParam("q") String q) {
        return q == null ? "" : q;
    }

    @GET
    @Path("/items/{id}")
    public String item(@PathParam("id") String id) {
        return id;
    }

    @POST
    @Path("/token")
    @NoStore
    public Map<String, String> token() {
        return Map.of("accessToken", "secret");
    }

    @GET
    @Path("/page")
    public int page(@QueryParam("limit") @Max(100) int limit) {
        return limit;
    }

    @GET
    @Path("/conflict")
    @APIResponse(responseCode = "409", description = "That username is taken")
    public String conflict() {
        throw ProblemException.conflict("username-taken", "That username is taken");
    }

    @GET
    @Path("/deadlock")
    public String deadlock() {
        throw new IllegalStateException(
                "could not execute statement", new java.sql.SQLException("ERROR: deadlock detected", "40P01"));
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internals of org.chorus.Foo");
    }

    @GET
    @Path("/secured")
    @Authenticated
    public String secured() {
        return "secret";
    }
}
