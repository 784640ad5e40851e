package org.chorus.login.rest;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.chorus.login.support.Accounts;
import org.chorus.login.support.Jwts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class JwksResourceTest {

    @Test
    void jwksListsOnlyPublicRsaSigningKeysIncludingTheOneThatSignsTokens() {
        String access = Accounts.signUp().login().getString("accessToken");
        String kid = (String) Jwts.header(access).get("kid");

        given().get("/api/auth/jwks")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("keys.kid", hasItem(kid))
                .body("keys.kty", everyItem(org.hamcrest.Matchers.equalTo("RSA")))
                .body("keys.alg", everyItem(org.hamcrest.Matchers.equalTo("RS256")))
                .body("keys.use", everyItem(org.hamcrest.Matchers.equalTo("sig")))
                .body("keys[0].d", nullValue())
                .body("keys[0].p", nullValue());
    }

    @Test
    void anOutsideVerifierCanCheckATokenWithNothingButTheJwks() throws Exception {
        Accounts.SignedUp account = Accounts.signUp();
        String access = account.login().getString("accessToken");
        String jwks =
                given().get("/api/auth/jwks").then().statusCode(200).extract().asString();

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer("http://localhost:8080")
                .setRequireExpirationTime()
                .setSkipDefaultAudienceValidation()
                .build()
                .processToClaims(access);
        assertEquals(account.id().toString(), claims.getSubject());
        assertEquals(List.of("user"), claims.getStringListClaimValue("groups"));
        Map<String, Object> header = Jwts.header(access);
        assertEquals("RS256", header.get("alg"));
    }
}
