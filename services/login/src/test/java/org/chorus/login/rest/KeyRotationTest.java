package org.chorus.login.rest;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.events.admin.RoleGranted;
import org.chorus.login.service.AdminDecisions;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Jwts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class KeyRotationTest {

    @Inject
    AdminDecisions decisions;

    @Test
    void rotationSignsWithANewKeyAndKeepsThePreviousOneInTheJwksSoNobodyIsLoggedOut() {
        Accounts.SignedUp admin = Accounts.signUp();
        QuarkusTransaction.requiringNew()
                .run(() -> decisions.grant(new RoleGranted(admin.id(), "admin", UUID.randomUUID(), Instant.now())));
        String before = Accounts.signUp().login().getString("accessToken");
        String oldKid = (String) Jwts.header(before).get("kid");

        String newKid = given().auth()
                .oauth2(admin.login().getString("accessToken"))
                .post("/api/auth/keys/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("kid");

        assertNotEquals(oldKid, newKid);
        given().get("/api/auth/jwks").then().statusCode(200).body("keys.kid", hasItems(oldKid, newKid));
        given().auth().oauth2(before).get("/api/auth/me").then().statusCode(200);
        String after = Accounts.signUp().login().getString("accessToken");
        assertEquals(newKid, Jwts.header(after).get("kid"));
        given().auth().oauth2(after).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void onlyAdminsRotate() {
        given().auth()
                .oauth2(Accounts.signUp().login().getString("accessToken"))
                .post("/api/auth/keys/rotate")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().post("/api/auth/keys/rotate").then().statusCode(401);
    }
}
