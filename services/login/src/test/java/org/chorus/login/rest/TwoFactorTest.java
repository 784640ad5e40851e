package org.chorus.login.rest;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.login.TwoFactorChanged;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.login.support.Jwts;
import org.chorus.login.support.Links;
import org.chorus.login.support.TwoFactor;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TwoFactorTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Db db;

    @Inject
    RedisDataSource redis;

    private static Response passwordLogin(Accounts.SignedUp account) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("login", account.username(), "password", Accounts.PASSWORD))
                .post("/api/auth/login");
    }

    private static String challenge(Accounts.SignedUp account) {
        return passwordLogin(account)
                .then()
                .statusCode(200)
                .body("mfaRequired", equalTo(true))
                .extract()
                .path("challenge");
    }

    private static Response secondStep(String challenge, String field, String value) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("challenge", challenge, field, value))
                .post("/api/auth/login/2fa");
    }

    private static Response withPasswordAndCode(String method, String path, String access, Map<String, String> body) {
        return given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(body)
                .request(method, path);
    }

    private long sessionsOf(Accounts.SignedUp account) {
        return ((Number) db.single("select count(*) from login_session where account_id = ?1", account.id()))
                .longValue();
    }

    @Test
    void enrolmentHandsOutASecretAndAnOtpauthUriAndIsNotActiveUntilConfirmed() {
        Accounts.SignedUp account = Accounts.signUp();
        String access = account.login().getString("accessToken");
        JsonPath enrolment = given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD))
                .post("/api/auth/2fa/totp")
                .then()
                .statusCode(201)
                .body("algorithm", equalTo("SHA1"))
                .body("digits", equalTo(6))
                .body("period", equalTo(30))
                .extract()
                .jsonPath();
        String secret = enrolment.getString("secret");
        assertTrue(secret.matches("[A-Z2-7]{32}"), "160 bits in Base32: " + secret);
        assertEquals(
                "otpauth://totp/Chorus:" + account.username() + "?secret=" + secret
                        + "&issuer=Chorus&algorithm=SHA1&digits=6&period=30",
                enrolment.getString("otpauthUri"));

        Response status = given().auth().oauth2(access).get("/api/auth/2fa");
        status.then().statusCode(200).body("totpEnabled", equalTo(false)).body("enrolmentPending", equalTo(true));
        assertFalse(status.asString().contains(secret), "the secret is never shown again");
        // pending: login is still one step
        passwordLogin(account)
                .then()
                .statusCode(200)
                .body("accessToken", notNullValue())
                .body("$", not(hasKey("mfaRequired")));

        // a wrong code does not confirm
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("code", TwoFactor.wrongCode(TwoFactor.decodeBase32(secret))))
                .post("/api/auth/2fa/totp/confirm")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        // enrolling again replaces the pending secret: the old one no longer confirms
        String replaced = given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD))
                .post("/api/auth/2fa/totp")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("code", TwoFactor.code(TwoFactor.decodeBase32(secret), 0)))
                .post("/api/auth/2fa/totp/confirm")
                .then()
                .statusCode(400);

        List<String> recovery = given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("code", TwoFactor.code(TwoFactor.decodeBase32(replaced), 0)))
                .post("/api/auth/2fa/totp/confirm")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("recoveryCodes", String.class);
        assertEquals(10, recovery.size());
        assertEquals(10, new HashSet<>(recovery).size());
        recovery.forEach(c -> assertTrue(c.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"), c));
        given().auth()
                .oauth2(access)
                .get("/api/auth/2fa")
                .then()
                .body("totpEnabled", equalTo(true))
                .body("enrolmentPending", equalTo(false))
                .body("recoveryCodesLeft", equalTo(10));
        // stored only hashed
        for (String code : recovery) {
            Number plain = (Number) db.single(
                    "select count(*) from recovery_code where code_hash like ?1", "%" + code.replace("-", "") + "%");
            assertEquals(0L, plain.longValue());
        }
        // the stored secret is sealed (AES-GCM, test key), not the secret the app got
        byte[] stored = (byte[]) db.single("select secret from totp_factor where account_id = ?1", account.id());
        assertEquals(1, stored[0]);
        assertFalse(java.util.HexFormat.of()
                .formatHex(stored)
                .contains(java.util.HexFormat.of().formatHex(TwoFactor.decodeBase32(replaced))));
        // and confirming twice is a conflict
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("code", "123456"))
                .post("/api/auth/2fa/totp/confirm")
                .then()
                .statusCode(409)
                .body("type", endsWith("/totp-already-enabled"));
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD))
                .post("/api/auth/2fa/totp")
                .then()
                .statusCode(409)
                .body("type", endsWith("/totp-already-enabled"));
    }

    @Test
    void withTwoFactorOnTheRightPasswordAnswersASingleUseChallengeAndTheCodeOpensTheSession() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        Accounts.SignedUp account = enabled.account();
        long before = sessionsOf(account);

        Response first = passwordLogin(account);
        first.then()
                .statusCode(200)
                .body("mfaRequired", equalTo(true))
                .body("expiresIn", lessThanOrEqualTo(300))
                .body("methods", hasItem("totp"))
                .body("$", not(hasKey("accessToken")))
                .body("$", not(hasKey("refreshToken")));
        assertEquals(before, sessionsOf(account), "no session before the second factor");
        String challenge = first.path("challenge");

        String code = TwoFactor.code(enabled.secret(), 0);
        Response tokens = secondStep(challenge, "code", code);
        tokens.then().statusCode(200).body("tokenType", equalTo("Bearer")).body("refreshToken", notNullValue());
        String access = tokens.path("accessToken");
        assertEquals(account.id().toString(), Jwts.claims(access).get("sub"));
        given().auth().oauth2(access).get("/api/auth/me").then().statusCode(200);
        assertEquals(before + 1, sessionsOf(account));

        // the challenge is single use, even with a fresh code
        secondStep(challenge, "code", TwoFactor.code(enabled.secret(), 1))
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", endsWith("/invalid-challenge"));
    }

    @Test
    void aCodeIsAcceptedOnceOnlyWithinItsWindow() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        String code = TwoFactor.code(enabled.secret(), 0);
        secondStep(challenge(enabled.account()), "code", code).then().statusCode(200);

        String secondChallenge = challenge(enabled.account());
        secondStep(secondChallenge, "code", code)
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", endsWith("/invalid-code"));
        // an older code than the last one used is refused too
        secondStep(secondChallenge, "code", TwoFactor.code(enabled.secret(), -1))
                .then()
                .statusCode(401)
                .body("type", endsWith("/invalid-code"));
        // the next step's code (clock drift tolerance) still opens it
        secondStep(secondChallenge, "code", TwoFactor.code(enabled.secret(), 1))
                .then()
                .statusCode(200);
    }

    @Test
    void oneCodeSentWithTwoChallengesAtOnceOpensOneSessionOnly() throws Exception {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        String first = challenge(enabled.account());
        String second = challenge(enabled.account());
        String code = TwoFactor.code(enabled.secret(), 0);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> secondStep(first, "code", code).statusCode());
            var b = pool.submit(() -> secondStep(second, "code", code).statusCode());
            List<Integer> statuses = List.of(a.get(), b.get());
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
            assertEquals(1, statuses.stream().filter(s -> s == 401).count(), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCodeUsedToConfirmCannotBeUsedToLogIn() {
        Accounts.SignedUp account = Accounts.signUp();
        String access = account.login().getString("accessToken");
        byte[] secret = TwoFactor.decodeBase32(given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD))
                .post("/api/auth/2fa/totp")
                .then()
                .statusCode(201)
                .extract()
                .path("secret"));
        String code = TwoFactor.code(secret, 0);
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/auth/2fa/totp/confirm")
                .then()
                .statusCode(200);
        secondStep(challenge(account), "code", code).then().statusCode(401).body("type", endsWith("/invalid-code"));
    }

    @Test
    void wrongCodesCountAsFailedLoginsLockTheAccountAndKillTheChallengeAfterFive() throws Exception {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        Accounts.SignedUp account = enabled.account();
        String challenge = challenge(account);
        Response wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = secondStep(challenge, "code", TwoFactor.wrongCode(enabled.secret()));
            wrong.then().statusCode(401).contentType(PROBLEM).body("type", endsWith("/invalid-code"));
        }
        // dead, even with the right code
        secondStep(challenge, "code", TwoFactor.code(enabled.secret(), 0))
                .then()
                .statusCode(401)
                .body("type", endsWith("/invalid-challenge"));
        assertTrue(
                redis.key().exists("login:lock:acct:" + account.id()),
                "five wrong codes lock like five wrong passwords");
        ConsumerRecord<String, String> failed = TestEvents.await(
                Events.LOGIN_FAILED.topic(),
                r -> account.id().toString().equals(r.key()) && r.value().contains("bad-second-factor"),
                Duration.ofSeconds(20));
        assertEquals(
                "bad-second-factor",
                new ObjectMapper().readTree(failed.value()).get("reason").asText());
        TestEvents.await(
                Events.ACCOUNT_LOCKED.topic(), r -> account.id().toString().equals(r.key()), Duration.ofSeconds(20));
        // locked: the right password is refused like a wrong one
        passwordLogin(account).then().statusCode(401).body("type", endsWith("/invalid-credentials"));
    }

    @Test
    void loggingInAgainWithThePasswordDoesNotResetTheCountOfWrongCodes() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        Accounts.SignedUp account = enabled.account();
        String first = challenge(account);
        for (int i = 0; i < 4; i++) {
            secondStep(first, "code", TwoFactor.wrongCode(enabled.secret()))
                    .then()
                    .statusCode(401);
        }
        assertFalse(redis.key().exists("login:lock:acct:" + account.id()));
        String second = challenge(account);
        secondStep(second, "code", TwoFactor.wrongCode(enabled.secret())).then().statusCode(401);
        assertTrue(
                redis.key().exists("login:lock:acct:" + account.id()),
                "the fifth wrong code in a row locks, whatever passwords came between");
        secondStep(second, "code", TwoFactor.code(enabled.secret(), 0))
                .then()
                .statusCode(401)
                .body("type", endsWith("/invalid-code"));
    }

    @Test
    void aLockedAccountRefusesEvenTheRightCodeOfALiveChallenge() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        Accounts.SignedUp account = enabled.account();
        String first = challenge(account);
        String second = challenge(account);
        for (int i = 0; i < 5; i++) {
            secondStep(first, "code", TwoFactor.wrongCode(enabled.secret()))
                    .then()
                    .statusCode(401);
        }
        long before = sessionsOf(account);
        Response refused = secondStep(second, "code", TwoFactor.code(enabled.secret(), 0));
        refused.then().statusCode(401).body("type", endsWith("/invalid-code"));
        assertEquals(before, sessionsOf(account), "no session is opened for a locked account");
    }

    @Test
    void anExpiredChallengeIsRefused() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        String challenge = challenge(enabled.account());
        db.sql(
                "update mfa_challenge set expires_at = now() - interval '1 second' where account_id = ?1",
                enabled.account().id());
        secondStep(challenge, "code", TwoFactor.code(enabled.secret(), 0))
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", endsWith("/invalid-challenge"));
        Number lifetime = (Number) db.single(
                "select max(extract(epoch from expires_at - created_at)) " + "from mfa_challenge where account_id = ?1",
                enabled.account().id());
        assertTrue(lifetime.doubleValue() <= 300, "at most 5 minutes, was " + lifetime);
    }

    @Test
    void anUnknownChallengeIsRefusedAndTheChallengeIsNotAnAccessToken() {
        secondStep("no-such-challenge", "code", "123456")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", endsWith("/invalid-challenge"));
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        String challenge = challenge(enabled.account());
        given().auth().oauth2(challenge).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void aRecoveryCodeOpensOneLoginOnlyAndIsAcceptedWithoutDashesInAnyCase() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        String recovery = enabled.recoveryCodes().get(3);
        secondStep(
                        challenge(enabled.account()),
                        "recoveryCode",
                        recovery.replace("-", "").toUpperCase(Locale.ROOT))
                .then()
                .statusCode(200)
                .body("accessToken", notNullValue());
        secondStep(challenge(enabled.account()), "recoveryCode", recovery)
                .then()
                .statusCode(401)
                .body("type", endsWith("/invalid-code"));
        given().auth().oauth2(enabled.access()).get("/api/auth/2fa").then().body("recoveryCodesLeft", equalTo(9));
        // another account's recovery code does not open mine
        TwoFactor.Enabled other = TwoFactor.enable(Accounts.signUp());
        secondStep(
                        challenge(enabled.account()),
                        "recoveryCode",
                        other.recoveryCodes().get(0))
                .then()
                .statusCode(401);
        secondStep(
                        challenge(other.account()),
                        "recoveryCode",
                        other.recoveryCodes().get(0))
                .then()
                .statusCode(200);
    }

    @Test
    void disablingNeedsThePasswordAndACurrentCode() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        String access = enabled.access();
        withPasswordAndCode(
                        "DELETE",
                        "/api/auth/2fa/totp",
                        access,
                        Map.of("password", "not the password", "code", TwoFactor.code(enabled.secret(), 0)))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("password"));
        withPasswordAndCode(
                        "DELETE",
                        "/api/auth/2fa/totp",
                        access,
                        Map.of("password", Accounts.PASSWORD, "code", TwoFactor.wrongCode(enabled.secret())))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        withPasswordAndCode("DELETE", "/api/auth/2fa/totp", access, Map.of("password", Accounts.PASSWORD))
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth().oauth2(access).get("/api/auth/2fa").then().body("totpEnabled", equalTo(true));
        passwordLogin(enabled.account()).then().body("mfaRequired", equalTo(true));

        withPasswordAndCode(
                        "DELETE",
                        "/api/auth/2fa/totp",
                        access,
                        Map.of("password", Accounts.PASSWORD, "code", TwoFactor.code(enabled.secret(), 0)))
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(access)
                .get("/api/auth/2fa")
                .then()
                .body("totpEnabled", equalTo(false))
                .body("recoveryCodesLeft", equalTo(0));
        passwordLogin(enabled.account()).then().statusCode(200).body("accessToken", notNullValue());
        assertEquals(
                0L,
                ((Number) db.single(
                                "select count(*) from recovery_code where account_id = ?1",
                                enabled.account().id()))
                        .longValue());
        withPasswordAndCode(
                        "DELETE",
                        "/api/auth/2fa/totp",
                        access,
                        Map.of("password", Accounts.PASSWORD, "code", TwoFactor.code(enabled.secret(), 1)))
                .then()
                .statusCode(409)
                .body("type", endsWith("/totp-not-enabled"));
    }

    /** The two-factor-changed record of {@code change} for the account, once it has been published. */
    private static JsonNode announced(Accounts.SignedUp account, String change) throws Exception {
        ConsumerRecord<String, String> record = TestEvents.await(
                Events.TWO_FACTOR_CHANGED.topic(),
                r -> account.id().toString().equals(r.key()) && r.value().contains("\"" + change + "\""),
                Duration.ofSeconds(20));
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertEquals(account.email(), data.get("email").asText());
        assertEquals(account.username(), data.get("username").asText());
        return data;
    }

    @Test
    void everyChangeOfTheSecondFactorIsAnnouncedForTheOwnerToBeTold() throws Exception {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        Accounts.SignedUp account = enabled.account();
        assertEquals(
                10,
                announced(account, TwoFactorChanged.ENABLED)
                        .get("recoveryCodesLeft")
                        .asInt());

        secondStep(challenge(account), "recoveryCode", enabled.recoveryCodes().get(0))
                .then()
                .statusCode(200);
        assertEquals(
                9,
                announced(account, TwoFactorChanged.RECOVERY_CODE_USED)
                        .get("recoveryCodesLeft")
                        .asInt());

        withPasswordAndCode(
                        "POST",
                        "/api/auth/2fa/recovery-codes",
                        enabled.access(),
                        Map.of("password", Accounts.PASSWORD, "code", TwoFactor.code(enabled.secret(), 0)))
                .then()
                .statusCode(200);
        assertEquals(
                10,
                announced(account, TwoFactorChanged.RECOVERY_CODES_REPLACED)
                        .get("recoveryCodesLeft")
                        .asInt());

        withPasswordAndCode(
                        "DELETE",
                        "/api/auth/2fa/totp",
                        enabled.access(),
                        Map.of("password", Accounts.PASSWORD, "code", TwoFactor.code(enabled.secret(), 1)))
                .then()
                .statusCode(204);
        assertEquals(
                0,
                announced(account, TwoFactorChanged.DISABLED)
                        .get("recoveryCodesLeft")
                        .asInt());
    }

    @Test
    void disablingWithARecoveryCodeWorksAndUsesItUp() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        withPasswordAndCode(
                        "DELETE",
                        "/api/auth/2fa/totp",
                        enabled.access(),
                        Map.of(
                                "password",
                                Accounts.PASSWORD,
                                "recoveryCode",
                                enabled.recoveryCodes().get(0)))
                .then()
                .statusCode(204);
        passwordLogin(enabled.account()).then().statusCode(200).body("accessToken", notNullValue());
    }

    @Test
    void newRecoveryCodesVoidTheOldOnes() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        withPasswordAndCode(
                        "POST",
                        "/api/auth/2fa/recovery-codes",
                        enabled.access(),
                        Map.of("password", Accounts.PASSWORD, "code", TwoFactor.wrongCode(enabled.secret())))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("code"));
        List<String> fresh = withPasswordAndCode(
                        "POST",
                        "/api/auth/2fa/recovery-codes",
                        enabled.access(),
                        Map.of("password", Accounts.PASSWORD, "code", TwoFactor.code(enabled.secret(), 0)))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("recoveryCodes", String.class);
        assertEquals(10, fresh.size());
        assertTrue(fresh.stream().noneMatch(enabled.recoveryCodes()::contains));
        secondStep(
                        challenge(enabled.account()),
                        "recoveryCode",
                        enabled.recoveryCodes().get(0))
                .then()
                .statusCode(401);
        secondStep(challenge(enabled.account()), "recoveryCode", fresh.get(0))
                .then()
                .statusCode(200);
    }

    @Test
    void anotherUsersTokenCannotSeeOrChangeMyTwoFactor() {
        TwoFactor.Enabled mine = TwoFactor.enable(Accounts.signUp());
        Accounts.SignedUp intruder = Accounts.signUp();
        String theirs = intruder.login().getString("accessToken");

        given().auth()
                .oauth2(theirs)
                .get("/api/auth/2fa")
                .then()
                .statusCode(200)
                .body("totpEnabled", equalTo(false));
        // with their own password and my current code: it acts on their account only, which has no 2FA
        withPasswordAndCode(
                        "DELETE",
                        "/api/auth/2fa/totp",
                        theirs,
                        Map.of("password", Accounts.PASSWORD, "code", TwoFactor.code(mine.secret(), 0)))
                .then()
                .statusCode(409)
                .body("type", endsWith("/totp-not-enabled"));
        withPasswordAndCode(
                        "POST",
                        "/api/auth/2fa/recovery-codes",
                        theirs,
                        Map.of(
                                "password",
                                Accounts.PASSWORD,
                                "recoveryCode",
                                mine.recoveryCodes().get(0)))
                .then()
                .statusCode(409);
        // enrolling themselves touches nothing of mine
        given().auth()
                .oauth2(theirs)
                .contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD))
                .post("/api/auth/2fa/totp")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(mine.access())
                .get("/api/auth/2fa")
                .then()
                .body("totpEnabled", equalTo(true))
                .body("recoveryCodesLeft", equalTo(10));
        passwordLogin(mine.account()).then().body("mfaRequired", equalTo(true));
        secondStep(
                        challenge(mine.account()),
                        "recoveryCode",
                        mine.recoveryCodes().get(0))
                .then()
                .statusCode(200);
        // and without a token nothing at all
        given().get("/api/auth/2fa").then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD))
                .post("/api/auth/2fa/totp")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD, "code", "123456"))
                .delete("/api/auth/2fa/totp")
                .then()
                .statusCode(401);
    }

    @Test
    void anEmailLinkLoginWithTwoFactorOnAlsoNeedsTheCode() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        given().contentType(ContentType.JSON)
                .body(Map.of("email", enabled.account().email()))
                .post("/api/auth/login-link")
                .then()
                .statusCode(202);
        String token = Links.token(
                Links.awaitEvent(Events.LOGIN_LINK_REQUESTED, enabled.account().id()));
        Response first = given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/auth/login-link/complete");
        first.then().statusCode(200).body("mfaRequired", equalTo(true)).body("$", not(hasKey("accessToken")));
        secondStep(first.path("challenge"), "code", TwoFactor.wrongCode(enabled.secret()))
                .then()
                .statusCode(401);
        secondStep(first.path("challenge"), "code", TwoFactor.code(enabled.secret(), 0))
                .then()
                .statusCode(200)
                .body("accessToken", notNullValue());
    }

    @Test
    void enrollingNeedsThePasswordAndConfirmingNeedsAnEnrolment() {
        Accounts.SignedUp account = Accounts.signUp();
        String access = account.login().getString("accessToken");
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("password", "wrong password"))
                .post("/api/auth/2fa/totp")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("password"));
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("code", "123456"))
                .post("/api/auth/2fa/totp/confirm")
                .then()
                .statusCode(409)
                .body("type", endsWith("/no-totp-enrolment"));
        given().auth().oauth2(access).get("/api/auth/2fa").then().body("enrolmentPending", equalTo(false));
    }

    @Test
    void badInputIsA400ProblemNeverA500() {
        Map<String, Object> both = Map.of("challenge", "x", "code", "123456", "recoveryCode", "abcd-efgh-ijkm-nopq");
        given().contentType(ContentType.JSON)
                .body(both)
                .post("/api/auth/login/2fa")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(Map.of("challenge", "x"))
                .post("/api/auth/login/2fa")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        given().contentType(ContentType.JSON)
                .body(Map.of("challenge", "x", "code", "12ab56"))
                .post("/api/auth/login/2fa")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "123456"))
                .post("/api/auth/login/2fa")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("challenge"));
        given().contentType(ContentType.JSON)
                .body("{\"challenge\":")
                .post("/api/auth/login/2fa")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .post("/api/auth/login/2fa")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        String access = Accounts.signUp().login().getString("accessToken");
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("code", "1234567"))
                .post("/api/auth/2fa/totp/confirm")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/auth/2fa/totp")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("password"));
    }

    @Test
    void theOpenApiDocumentsTheChallengeAnswerAndTheSecondStep() {
        given().accept(ContentType.JSON)
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/auth/login/2fa"))
                .body("paths", hasKey("/api/auth/2fa/totp"))
                .body("paths", hasKey("/api/auth/2fa/totp/confirm"))
                .body("paths", hasKey("/api/auth/2fa/recovery-codes"))
                .body("components.schemas", hasKey("MfaChallengeResponse"))
                .body("components.schemas.MfaChallengeResponse.properties", hasKey("challenge"))
                .body(
                        "paths.'/api/auth/login'.post.responses.'200'.content.'application/json'.schema.oneOf",
                        hasSize(2))
                .body("paths.'/api/auth/login'.post.description", containsString("mfaRequired"));
    }

    @Test
    void apiCredentialsOfATwoFactorAccountAreMadeWithATokenThatPassedTheSecondStep() {
        TwoFactor.Enabled enabled = TwoFactor.enable(Accounts.signUp());
        String access = secondStep(challenge(enabled.account()), "code", TwoFactor.code(enabled.secret(), 0))
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        JsonPath credential = given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "bot"))
                .post("/api/auth/credentials")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "publicKey", credential.getString("publicKey"), "secretKey", credential.getString("secretKey")))
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .body("accessToken", startsWith("ey"));
    }
}
