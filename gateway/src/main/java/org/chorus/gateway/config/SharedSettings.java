package org.chorus.gateway.config;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings the gateway shares with the services under their standard names ({@code mp.jwt.*} of MicroProfile
 * JWT, Quarkus' {@code quarkus.http.cors.origins}), read in one place so that the same variables configure every part.
 */
@Singleton
public class SharedSettings {

    private final String issuer;
    private final String publicKeyLocation;
    private final List<String> corsOrigins;

    SharedSettings(
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") String publicKeyLocation,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> corsOrigins) {
        this.issuer = issuer;
        this.publicKeyLocation = publicKeyLocation;
        this.corsOrigins = corsOrigins.orElse(List.of());
    }

    /** The issuer every access token must name; required, since smallrye-jwt skips the check when it is unset. */
    public String issuer() {
        return issuer;
    }

    /** login's JWKS URL. */
    public String publicKeyLocation() {
        return publicKeyLocation;
    }

    /** Browser origins allowed to call the API; empty: same origin only. */
    public List<String> corsOrigins() {
        return corsOrigins;
    }
}
