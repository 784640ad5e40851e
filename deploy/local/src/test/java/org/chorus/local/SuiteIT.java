package org.chorus.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.local.Members.PASSWORD;
import static org.chorus.local.Members.login;
import static org.chorus.local.Members.newUsername;
import static org.chorus.local.Members.signUp;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.infra.Infrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The suite as `./chorus up` runs it — real PostgreSQL, Redis, Kafka and SMTP, the gateway and
 * five services as separate processes configured by environment — driven only through the
 * gateway, with mail read back from the SMTP catcher.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteIT {

    private static final String PROBLEM = "application/problem+json";

    static Infrastructure infra;
    static Suite suite;

    @BeforeAll
    static void useTheRunningSuite() {
        infra = RunningSuite.infra();
        suite = RunningSuite.suite();
    }

    @Test
    @Order(1)
    void signUpSendsTheWelcomeMailBuildsTheProfileAndLetsTheUserIn() {
        String username = newUsername();
        String email = username + "@example.org";

        String id = signUp(email, username)
                .then()
                .statusCode(201)
                .body("username", equalTo(username))
                .body("email", equalTo(email))
                .body(not(containsString("argon2")))
                .body(not(containsString(PASSWORD)))
                // login names the gateway's address in links, not its own
                .header("Location", startsWith(suite.gatewayUrl() + "/api/auth/accounts/"))
                .extract()
                .path("id");

        awaitMails(email, 1);

        String token = given().contentType(ContentType.JSON)
                .body(Map.of("login", username, "password", PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .body("refreshToken", notNullValue())
                .extract()
                .path("accessToken");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(token)
                        .get("/api/users/" + id)
                        .then()
                        .statusCode(200)
                        .body("username", equalTo(username)));

        given().auth()
                .oauth2(token)
                .get("/api/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("username", equalTo(username));
    }

    @Test
    @Order(2)
    void withoutAValidTokenTheGatewayAnswers401Problem() {
        given().get("/api/users/me").then().statusCode(401).contentType(PROBLEM);
        given().auth()
                .oauth2("not.a.token")
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    @Order(3)
    void refreshRotatesTheTokensAndATamperedOrForeignTokenIs401() {
        String username = newUsername();
        signUp(username + "@example.org", username).then().statusCode(201);
        Response login = login(username);
        String access = login.path("accessToken");
        String refresh = login.path("refreshToken");

        Response rotated = given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refresh))
                .post("/api/auth/refresh");
        rotated.then().statusCode(200).body("accessToken", notNullValue()).body("refreshToken", not(equalTo(refresh)));
        // the profile is built from the user-created event, so it may lag the sign-up a moment
        String rotatedAccess = rotated.path("accessToken");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(rotatedAccess)
                        .get("/api/users/me")
                        .then()
                        .statusCode(200)
                        .body("username", equalTo(username)));

        String[] parts = access.split("\\.");
        String otherPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"sub\":\"" + UUID.randomUUID() + "\",\"iss\":\"http://localhost:8080\"}")
                        .getBytes(StandardCharsets.UTF_8));
        given().auth()
                .oauth2(parts[0] + "." + otherPayload + "." + parts[2])
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        String unsigned = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        given().auth()
                .oauth2(unsigned)
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    @Order(4)
    void afterLogoutTheAccessTokenIsRejectedAtTheGateway() {
        String username = newUsername();
        signUp(username + "@example.org", username).then().statusCode(201);
        String access = login(username).path("accessToken");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(access)
                        .get("/api/users/me")
                        .then()
                        .statusCode(200));

        given().auth().oauth2(access).post("/api/auth/logout").then().statusCode(204);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> given().auth()
                        .oauth2(access)
                        .get("/api/users/me")
                        .then()
                        .statusCode(401)
                        .contentType(PROBLEM));
    }

    @Test
    @Order(5)
    void aDuplicateSignUpIsAConflictWhateverTheCase() {
        String username = newUsername();
        signUp(username + "@example.org", username).then().statusCode(201);

        signUp(username.toUpperCase() + "@Example.org", username + "x")
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
        signUp("other-" + username + "@example.org", username.toUpperCase())
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
    }

    @Test
    @Order(6)
    void badSignUpBodiesAreBadRequestsWithFieldErrors() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "username", "a", "password", "short"))
                .post("/api/auth/signup")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItems("email", "username", "password"));

        given().contentType(ContentType.JSON)
                .body("{\"email\": ")
                .post("/api/auth/signup")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    @Order(10)
    void aSignUpWhileKafkaIsDownIsKeptAndDeliveredExactlyOnceWhenItIsBack() {
        String username = newUsername();
        String email = username + "@example.org";
        infra.stopKafka();
        String id;
        try {
            id = signUp(email, username).then().statusCode(201).extract().path("id");
        } finally {
            infra.startKafka();
        }

        awaitMails(email, 1);
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("login", username, "password", PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(token)
                        .get("/api/users/" + id)
                        .then()
                        .statusCode(200));

        // a redelivery or a second relay round must not send it again
        sleep(5_000);
        assertEquals(1, welcomeMails(email).size());
    }

    /** Sign-up also sends the e-mail verification mail: count only the welcome mails. */
    private static void awaitMails(String email, int count) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> welcomeMails(email).size() >= count);
        assertEquals(count, welcomeMails(email).size(), "exactly " + count + " welcome mail(s) to " + email);
    }

    private static List<String> welcomeMails(String email) {
        return Mailbox.of(email).stream()
                .map(Mailbox.Message::subject)
                .filter(s -> s.startsWith("Welcome to Chorus"))
                .toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
