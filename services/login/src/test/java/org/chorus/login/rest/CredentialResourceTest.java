package org.chorus.login.rest;

import static org.chorus.login.support.Http.from;
import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.login.support.Http;
import org.chorus.login.support.Jwts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class CredentialResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Db db;

    @Inject
    RedisDataSource redis;

    private static JsonPath create(String access, String name) {
        return given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/api/auth/credentials")
                .then()
                .statusCode(201)
                .body("publicKey", startsWith("pk_"))
                .body("secretKey", startsWith("sk_"))
                .extract()
                .jsonPath();
    }

    private static Response exchange(String publicKey, String secretKey) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("publicKey", publicKey, "secretKey", secretKey))
                .post("/api/auth/token");
    }

    private static String tokenOf(JsonPath credential) {
        return exchange(credential.getString("publicKey"), credential.getString("secretKey"))
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    @Test
    void creatingAnswersIdPublicKeyAndSecretKeyOnceAndTheSecretIsStoredOnlySaltedAndHashed() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath credential = create(account.login().getString("accessToken"), "ci bot");
        assertNotNull(UUID.fromString(credential.getString("id")));
        assertEquals("ci bot", credential.getString("name"));
        assertNotEquals(
                credential.getString("publicKey").substring(3),
                credential.getString("secretKey").substring(3));

        String stored = (String) db.single(
                "select secret_hash from api_credential where public_key = ?1", credential.getString("publicKey"));
        assertFalse(stored.contains(credential.getString("secretKey").substring(3)), "never the secret itself");
        String[] parts = stored.split("\\$");
        assertEquals(3, parts.length, "sha256$salt$hash");
        assertEquals("sha256", parts[0]);

        // a second credential of the same account gets its own salt and keys
        JsonPath other = create(account.login().getString("accessToken"), "other");
        String otherStored = (String)
                db.single("select secret_hash from api_credential where public_key = ?1", other.getString("publicKey"));
        assertNotEquals(parts[1], otherStored.split("\\$")[1]);
        assertNotEquals(credential.getString("secretKey"), other.getString("secretKey"));
    }

    @Test
    void aKeyPairIsExchangedForAnAccessTokenOfItsOwner() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath credential = create(account.login().getString("accessToken"), "ci bot");

        Response answer = exchange(credential.getString("publicKey"), credential.getString("secretKey"));
        answer.then()
                .statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(600))
                .body("$", not(hasKey("refreshToken")));
        String token = answer.path("accessToken");
        Map<String, Object> claims = Jwts.claims(token);
        assertEquals(account.id().toString(), claims.get("sub"));
        assertEquals(account.username(), claims.get("upn"));
        given().auth()
                .oauth2(token)
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(account.id().toString()));

        // every exchange of the same credential carries the credential's session
        String again = tokenOf(credential);
        assertEquals(claims.get("sid"), Jwts.claims(again).get("sid"));
        given().auth()
                .oauth2(account.login().getString("accessToken"))
                .get("/api/auth/credentials")
                .then()
                .body("items[0].lastUsedAt", notNullValue());
    }

    @Test
    void aWrongSecretAndAnUnknownKeyAreTheSame401AsAFailedLogin() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath credential = create(account.login().getString("accessToken"), "bot");
        Response wrong = exchange(credential.getString("publicKey"), "sk_wrong");
        Response unknown = exchange("pk_unknown", "sk_wrong");
        Response swapped = exchange(credential.getString("secretKey"), credential.getString("publicKey"));
        assertEquals(401, wrong.statusCode());
        assertEquals(PROBLEM, wrong.contentType());
        assertEquals(wrong.asString(), unknown.asString());
        assertEquals(wrong.asString(), swapped.asString());
        wrong.then().body("type", endsWith("/invalid-credentials"));
    }

    @Test
    void repeatedWrongSecretsFromOneAddressAreThrottledWith429AndRetryAfter() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath credential = create(account.login().getString("accessToken"), "bot");
        String ip = Http.randomAddress();
        Response last = null;
        for (int i = 0; i < 31; i++) {
            last = from(ip).contentType(ContentType.JSON)
                    .body(Map.of("publicKey", credential.getString("publicKey"), "secretKey", "sk_guess" + i))
                    .post("/api/auth/token");
            if (last.statusCode() == 429) {
                break;
            }
            assertEquals(401, last.statusCode());
        }
        assertEquals(429, last.statusCode());
        assertNotNull(last.header("Retry-After"));
        // even the right pair is refused from that address now; from another it works
        from(ip).contentType(ContentType.JSON)
                .body(Map.of(
                        "publicKey", credential.getString("publicKey"), "secretKey", credential.getString("secretKey")))
                .post("/api/auth/token")
                .then()
                .statusCode(429);
        tokenOf(credential);
    }

    @Test
    void listingShowsMyCredentialsNewestFirstAndNeverASecret() {
        Accounts.SignedUp account = Accounts.signUp();
        String access = account.login().getString("accessToken");
        JsonPath first = create(access, "one");
        JsonPath second = create(access, "two");

        Response list = given().auth().oauth2(access).get("/api/auth/credentials");
        list.then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(second.getString("id")))
                .body("items[1].id", equalTo(first.getString("id")))
                .body("items[1].publicKey", equalTo(first.getString("publicKey")))
                .body("items[1].name", equalTo("one"))
                .body("items[0]", not(hasKey("secretKey")))
                .body("items[1]", not(hasKey("secretKey")))
                .body("nextCursor", nullValue());
        assertFalse(list.asString().contains(first.getString("secretKey").substring(3)));
        assertFalse(list.asString().contains(second.getString("secretKey").substring(3)));

        // an API credential is not a device session
        given().auth().oauth2(access).get("/api/auth/sessions").then().body("items", hasSize(1));
        // and another account sees none of them
        given().auth()
                .oauth2(Accounts.signUp().login().getString("accessToken"))
                .get("/api/auth/credentials")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void deletingOneVoidsItsTokensAtOnceAndPutsItsSessionOnTheDenyList() {
        Accounts.SignedUp account = Accounts.signUp();
        String access = account.login().getString("accessToken");
        JsonPath first = create(access, "one");
        JsonPath second = create(access, "two");
        String token = tokenOf(first);
        String secondToken = tokenOf(second);
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(200);

        given().auth()
                .oauth2(access)
                .delete("/api/auth/credentials/" + first.getString("id"))
                .then()
                .statusCode(204);

        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(401);
        String denied = redis.value(String.class)
                .get("login:deny:sid:" + Jwts.claims(token).get("sid"));
        assertNotNull(denied, "the gateway's deny-list has the credential's session");
        assertTrue(Math.abs(Long.parseLong(denied) - Instant.now().getEpochSecond()) < 60);
        exchange(first.getString("publicKey"), first.getString("secretKey"))
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(access)
                .get("/api/auth/credentials")
                .then()
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(second.getString("id")));
        // the other credential and the device session are untouched
        given().auth().oauth2(secondToken).get("/api/auth/me").then().statusCode(200);
        given().auth().oauth2(access).get("/api/auth/me").then().statusCode(200);
        // deleting it again: it is gone
        given().auth()
                .oauth2(access)
                .delete("/api/auth/credentials/" + first.getString("id"))
                .then()
                .statusCode(404);
    }

    @Test
    void deletingAllVoidsEveryCredentialOfMineAndNoneOfSomeoneElses() {
        Accounts.SignedUp account = Accounts.signUp();
        String access = account.login().getString("accessToken");
        JsonPath first = create(access, "one");
        JsonPath second = create(access, "two");
        String firstToken = tokenOf(first);
        String secondToken = tokenOf(second);
        JsonPath theirs = create(Accounts.signUp().login().getString("accessToken"), "theirs");

        given().auth()
                .oauth2(access)
                .delete("/api/auth/credentials")
                .then()
                .statusCode(200)
                .body("deleted", equalTo(2));

        exchange(first.getString("publicKey"), first.getString("secretKey"))
                .then()
                .statusCode(401);
        exchange(second.getString("publicKey"), second.getString("secretKey"))
                .then()
                .statusCode(401);
        given().auth().oauth2(firstToken).get("/api/auth/me").then().statusCode(401);
        given().auth().oauth2(secondToken).get("/api/auth/me").then().statusCode(401);
        given().auth().oauth2(access).get("/api/auth/credentials").then().body("items", hasSize(0));
        given().auth()
                .oauth2(access)
                .delete("/api/auth/credentials")
                .then()
                .statusCode(200)
                .body("deleted", equalTo(0));
        tokenOf(theirs);
    }

    @Test
    void someoneElsesCredentialIsNotFoundAndStaysUsable() {
        JsonPath theirs = create(Accounts.signUp().login().getString("accessToken"), "theirs");
        String mine = Accounts.signUp().login().getString("accessToken");
        Response attempt = given().auth().oauth2(mine).delete("/api/auth/credentials/" + theirs.getString("id"));
        Response unknown = given().auth().oauth2(mine).delete("/api/auth/credentials/" + UUID.randomUUID());
        attempt.then().statusCode(404).contentType(PROBLEM);
        assertEquals(unknown.asString(), attempt.asString(), "the same answer as for a credential that does not exist");
        tokenOf(theirs);
    }

    @Test
    void aCredentialsSessionCanBeEndedNeitherAsADeviceSessionNorByLoggingOut() {
        Accounts.SignedUp account = Accounts.signUp();
        String access = account.login().getString("accessToken");
        JsonPath credential = create(access, "bot");
        String token = tokenOf(credential);
        String sid = (String) Jwts.claims(token).get("sid");

        given().auth().oauth2(access).delete("/api/auth/sessions/" + sid).then().statusCode(404);
        given().auth()
                .oauth2(token)
                .post("/api/auth/logout")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", endsWith("/credential-session"));
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(200);
        tokenOf(credential);
    }

    @Test
    void revokingOtherSessionsOrChangingThePasswordLeavesCredentialsWorking() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath device = account.login();
        JsonPath credential = create(device.getString("accessToken"), "bot");
        String token = tokenOf(credential);
        given().auth()
                .oauth2(device.getString("accessToken"))
                .post("/api/auth/sessions/revoke-others")
                .then()
                .statusCode(200)
                .body("revoked", equalTo(0));
        given().auth()
                .oauth2(device.getString("accessToken"))
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "another fine passphrase 2"))
                .put("/api/auth/password")
                .then()
                .statusCode(204);
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(200);
        tokenOf(credential);
    }

    @Test
    void deletingTheAccountVoidsItsCredentialsAndTheirTokens() {
        Accounts.SignedUp account = Accounts.signUp();
        String access = account.login().getString("accessToken");
        JsonPath credential = create(access, "bot");
        String token = tokenOf(credential);
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD))
                .delete("/api/auth/account")
                .then()
                .statusCode(204);
        exchange(credential.getString("publicKey"), credential.getString("secretKey"))
                .then()
                .statusCode(401);
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(401);
        assertEquals(
                0L,
                ((Number) db.single("select count(*) from api_credential where account_id = ?1", account.id()))
                        .longValue());
    }

    @Test
    void anAccountHasAtMostTwentyCredentials() {
        String access = Accounts.signUp().login().getString("accessToken");
        for (int i = 0; i < 20; i++) {
            create(access, "bot " + i);
        }
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "one too many"))
                .post("/api/auth/credentials")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", endsWith("/too-many-credentials"));
    }

    @Test
    void creatingListingAndDeletingNeedAnAccessToken() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x"))
                .post("/api/auth/credentials")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/api/auth/credentials").then().statusCode(401).contentType(PROBLEM);
        given().delete("/api/auth/credentials").then().statusCode(401).contentType(PROBLEM);
        given().delete("/api/auth/credentials/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().auth().oauth2("not.a.token").get("/api/auth/credentials").then().statusCode(401);
    }

    @Test
    void badInputIsA4xxProblemNeverA500() {
        String access = Accounts.signUp().login().getString("accessToken");
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x".repeat(101)))
                .post("/api/auth/credentials")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem(equalTo("name")));
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/api/auth/credentials")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body("{\"name\": {\"nested\": 1}}")
                .post("/api/auth/credentials")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(access)
                .delete("/api/auth/credentials/not-a-uuid")
                .then()
                .statusCode(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.greaterThanOrEqualTo(400), org.hamcrest.Matchers.lessThan(500)))
                .contentType(PROBLEM);

        given().contentType(ContentType.JSON)
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(Map.of("publicKey", "pk_x"))
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem(equalTo("secretKey")));
        given().contentType(ContentType.JSON)
                .body(Map.of("publicKey", " ", "secretKey", "sk_x"))
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem(equalTo("publicKey")));
        given().contentType(ContentType.JSON)
                .body(Map.of("publicKey", "pk_" + "a".repeat(200), "secretKey", "sk_x"))
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("[]")
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.TEXT)
                .body("pk sk")
                .post("/api/auth/token")
                .then()
                .statusCode(415);
    }

    @Test
    void theSecretNeverAppearsInTheDatabaseInAnyColumn() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath credential = create(account.login().getString("accessToken"), "bot");
        String secret = credential.getString("secretKey");
        Number hits = (Number) db.single(
                "select count(*) from api_credential c where c.public_key = ?1 and "
                        + "(position(?2 in c.secret_hash) > 0 or position(?2 in coalesce(c.name, '')) > 0)",
                credential.getString("publicKey"),
                secret.substring(3));
        assertEquals(0L, hits.longValue());
    }
}
