package org.chorus.login.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a JWT's parts without verifying it (the service verifies; tests look inside). */
public final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwts() {}

    public static Map<String, Object> header(String jwt) {
        return part(jwt, 0);
    }

    public static Map<String, Object> claims(String jwt) {
        return part(jwt, 1);
    }

    public static long claimsIat(String jwt) {
        return ((Number) claims(jwt).get("iat")).longValue();
    }

    private static Map<String, Object> part(String jwt, int index) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[index]);
            return JSON.readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<>() {});
        } catch (Exception e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }
}
