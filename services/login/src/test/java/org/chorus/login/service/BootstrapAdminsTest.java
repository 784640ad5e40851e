package org.chorus.login.service;

import static org.chorus.login.support.Http.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.login.support.Jwts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The first administrators of chorus.bootstrap-admins (%test: "First-Admin@Example.org,
 * FirstAdminByName"); existing accounts are granted by calling the start-time grant directly.
 */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class BootstrapAdminsTest {

    @Inject
    BootstrapAdmins bootstrap;
    @Inject
    Db db;

    @SuppressWarnings("unchecked")
    private static List<String> groups(String login) {
        return (List<String>) Jwts.claims(Accounts.login(login, Accounts.PASSWORD).getString("accessToken"))
                .get("groups");
    }

    private static UUID signUp(String email, String username) {
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "username", username, "password", Accounts.PASSWORD))
                .post("/api/auth/signup").then().statusCode(201).extract().path("id"));
    }

    private long roleGrantedRows(UUID accountId) {
        return ((Number) db.single("select count(*) from outbox_event where aggregateid = ?1 and type = ?2",
                accountId.toString(), Events.ROLE_GRANTED.type())).longValue();
    }

    @Test
    void signingUpWithANamedAddressGivesTokensWithAdminAndAnnouncesTheGrant() {
        UUID id = signUp("first-admin@example.org", Accounts.randomUsername());

        assertEquals(List.of("user", "admin"), groups("first-admin@example.org"));
        ConsumerRecord<String, String> granted = TestEvents.await(Events.ROLE_GRANTED.topic(),
                r -> id.toString().equals(r.key()), Duration.ofSeconds(30));
        JsonPath event = JsonPath.from(granted.value());
        assertEquals("admin", event.getString("role"));
        assertEquals(id.toString(), event.getString("userId"));
        assertTrue(event.getMap("").containsKey("grantedBy"), granted.value());
        assertNull(event.get("grantedBy"), granted.value());
        assertEquals(1, roleGrantedRows(id));
    }

    @Test
    void signingUpWithANamedUsernameGivesAdmin() {
        signUp(Accounts.randomUsername() + "@example.org", "firstadminbyname");
        assertTrue(groups("firstadminbyname").contains("admin"));
    }

    @Test
    void anyOtherSignUpGetsOnlyUser() {
        Accounts.SignedUp account = Accounts.signUp();
        assertEquals(List.of("user"), groups(account.username()));
        assertEquals(0, roleGrantedRows(account.id()));
    }

    @Test
    void anExistingAccountNamedAtStartHoldsAdminAfterItAndTheGrantIsAnnouncedOnce() {
        Accounts.SignedUp byName = Accounts.signUp();
        Accounts.SignedUp byEmail = Accounts.signUp();
        Accounts.SignedUp other = Accounts.signUp();
        assertFalse(groups(byName.username()).contains("admin"));
        List<String> configured = List.of(" " + byName.username().toUpperCase() + " ", byEmail.email().toUpperCase(),
                "nobody-" + UUID.randomUUID() + "@example.org");

        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> bootstrap.grant(configured)));
        assertTrue(groups(byName.username()).contains("admin"));
        assertTrue(groups(byEmail.username()).contains("admin"));
        assertFalse(groups(other.username()).contains("admin"));

        // the next start finds the role there: nothing changes, nothing is published again
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> bootstrap.grant(configured)));
        assertEquals(List.of("user", "admin"), groups(byName.username()));
        assertEquals(1, roleGrantedRows(byName.id()));
        assertEquals(1, roleGrantedRows(byEmail.id()));
        assertEquals(0, roleGrantedRows(other.id()));
        TestEvents.await(Events.ROLE_GRANTED.topic(), r -> byName.id().toString().equals(r.key()),
                Duration.ofSeconds(30));
    }

    @Test
    void twoReplicasStartingAtOnceGrantOnce() throws Exception {
        Accounts.SignedUp account = Accounts.signUp();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> starts = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return QuarkusTransaction.requiringNew().call(() -> bootstrap.grant(List.of(account.email())));
        })).toList();
        int granted = 0;
        for (CompletableFuture<Integer> start : starts) {
            granted += start.get();
        }
        assertEquals(1, granted);
        assertEquals(1, roleGrantedRows(account.id()));
        assertEquals(List.of("user", "admin"), groups(account.username()));
    }
}
