package org.chorus.local;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Tokens of the running suite: refreshing a member's session and reading the claims of an access token. */
public final class Sessions {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Sessions() {}

    /** Rotates the member's session through the gateway: the same member with the new token pair. */
    public static Members.Member refresh(Members.Member member) {
        Response rotated = given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", member.refreshToken()))
                .post("/api/auth/refresh");
        rotated.then().statusCode(200);
        return new Members.Member(
                member.id(),
                member.username(),
                member.email(),
                rotated.path("accessToken"),
                rotated.path("refreshToken"));
    }

    /** A second session (another device) of the member: a fresh login. */
    public static Members.Member newSession(Members.Member member) {
        Response login = Members.login(member.username());
        return new Members.Member(
                member.id(), member.username(), member.email(), login.path("accessToken"), login.path("refreshToken"));
    }

    /** The token's {@code groups} claim (read, not verified: the suite verifies). */
    public static List<String> groups(String accessToken) {
        try {
            JsonNode claims =
                    MAPPER.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
            List<String> groups = new ArrayList<>();
            claims.path("groups").forEach(g -> groups.add(g.asText()));
            return groups;
        } catch (IOException e) {
            throw new IllegalStateException("not a JWT: " + accessToken, e);
        }
    }
}
