package org.chorus.login.rest;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.login.support.TwoFactor;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * With 2FA on, the account-wide changes that ask for the password again — deleting the account,
 * changing the password, changing the e-mail address — ask for a code (or a recovery code) too: a
 * session left open somewhere plus a phished password must not be enough to take the account over.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ReauthenticationWithTwoFactorTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Db db;

    private static Response send(String method, String path, String access, Map<String, String> body) {
        return given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(body)
                .request(method, path);
    }

    private static Response passwordLogin(Accounts.SignedUp account, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("login", account.username(), "password", password))
                .post("/api/auth/login");
    }

    private long accounts(Accounts.SignedUp account) {
        return ((Number) db.single("select count(*) from account where id = ?1", account.id())).longValue();
    }

    @Test
    void deletingTheAccountNeedsTheCodeAsWellAsThePassword() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        send("DELETE", "/api/auth/account", enabled.access(), Map.of("password", Accounts.PASSWORD))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        send(
                        "DELETE",
                        "/api/auth/account",
                        enabled.access(),
                        Map.of("password", Accounts.PASSWORD, "code", TwoFactor.wrongCode(enabled.secret())))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        send(
                        "DELETE",
                        "/api/auth/account",
                        enabled.access(),
                        Map.of("password", "not the password", "code", TwoFactor.code(enabled.secret(), 0)))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("password"));
        assertEquals(1, accounts(enabled.account()), "nothing is erased on a missing or wrong code");

        send(
                        "DELETE",
                        "/api/auth/account",
                        enabled.access(),
                        Map.of("password", Accounts.PASSWORD, "code", TwoFactor.code(enabled.secret(), 0)))
                .then()
                .statusCode(204);
        assertEquals(0, accounts(enabled.account()));
    }

    @Test
    void changingThePasswordNeedsACodeOrARecoveryCodeWhichIsThenUsedUp() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        String newPassword = "a new and longer passphrase 42";
        send(
                        "PUT",
                        "/api/auth/password",
                        enabled.access(),
                        Map.of("currentPassword", Accounts.PASSWORD, "newPassword", newPassword))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        send(
                        "PUT",
                        "/api/auth/password",
                        enabled.access(),
                        Map.of(
                                "currentPassword",
                                Accounts.PASSWORD,
                                "newPassword",
                                newPassword,
                                "code",
                                TwoFactor.code(enabled.secret(), 0),
                                "recoveryCode",
                                enabled.recoveryCodes().get(0)))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        passwordLogin(enabled.account(), Accounts.PASSWORD)
                .then()
                .statusCode(200)
                .body("mfaRequired", equalTo(true));

        send(
                        "PUT",
                        "/api/auth/password",
                        enabled.access(),
                        Map.of(
                                "currentPassword",
                                Accounts.PASSWORD,
                                "newPassword",
                                newPassword,
                                "recoveryCode",
                                enabled.recoveryCodes().get(0)))
                .then()
                .statusCode(204);
        passwordLogin(enabled.account(), Accounts.PASSWORD).then().statusCode(401);
        String challenge = passwordLogin(enabled.account(), newPassword)
                .then()
                .statusCode(200)
                .body("mfaRequired", equalTo(true))
                .extract()
                .path("challenge");
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "challenge",
                        challenge,
                        "recoveryCode",
                        enabled.recoveryCodes().get(0)))
                .post("/api/auth/login/2fa")
                .then()
                .statusCode(401);
    }

    @Test
    void changingTheEmailAddressNeedsTheCode() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        String newEmail = Accounts.randomUsername() + "@example.org";
        send(
                        "POST",
                        "/api/auth/email-change",
                        enabled.access(),
                        Map.of("newEmail", newEmail, "password", Accounts.PASSWORD))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        send(
                        "POST",
                        "/api/auth/email-change",
                        enabled.access(),
                        Map.of("newEmail", newEmail, "password", Accounts.PASSWORD, "code", "12345"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        send(
                        "POST",
                        "/api/auth/email-change",
                        enabled.access(),
                        Map.of(
                                "newEmail",
                                newEmail,
                                "password",
                                Accounts.PASSWORD,
                                "code",
                                TwoFactor.code(enabled.secret(), 0)))
                .then()
                .statusCode(202);
    }

    @Test
    void withoutTwoFactorThePasswordAloneIsEnoughAndAStrayCodeIsIgnored() {
        Accounts.SignedUp account = Accounts.signUp();
        String access = account.login().getString("accessToken");
        send("DELETE", "/api/auth/account", access, Map.of("password", Accounts.PASSWORD, "code", "123456"))
                .then()
                .statusCode(204);
        assertEquals(0, accounts(account));
        passwordLogin(account, Accounts.PASSWORD).then().statusCode(401).body("type", notNullValue());
    }
}
