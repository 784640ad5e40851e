package org.chorus.login.service;

import static org.chorus.login.support.Http.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.login.support.Http;
import org.chorus.login.support.Jwts;
import org.chorus.login.support.Links;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** new-device-login: published once per new device of an account, never for its first. */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class KnownDevicesTest {

    private static final String FIREFOX_LINUX =
            "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
    private static final String FIREFOX_LINUX_UPDATED =
            "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";
    private static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";

    @Inject
    Db db;

    private static JsonPath login(Accounts.SignedUp account, String userAgent, String address) {
        return from(address).header("User-Agent", userAgent).contentType(ContentType.JSON)
                .body(Map.of("login", account.username(), "password", Accounts.PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().jsonPath();
    }

    private long announced(UUID accountId) {
        return ((Number) db.single("select count(*) from outbox_event where aggregateid = ?1 and type = ?2",
                accountId.toString(), Events.NEW_DEVICE_LOGIN.type())).longValue();
    }

    @Test
    void aLoginFromANewDeviceIsAnnouncedOnceAndTheFirstLoginIsNot() {
        Accounts.SignedUp account = Accounts.signUp();
        login(account, FIREFOX_LINUX, Http.randomAddress());
        login(account, FIREFOX_LINUX, Http.randomAddress());
        assertEquals(0, announced(account.id()), "the first device and its return are known");

        String address = Http.randomAddress();
        JsonPath fromPhone = login(account, SAFARI_IPHONE, address);
        assertEquals(1, announced(account.id()));
        ConsumerRecord<String, String> record = TestEvents.await(Events.NEW_DEVICE_LOGIN.topic(),
                r -> account.id().toString().equals(r.key()), Duration.ofSeconds(30));
        JsonPath event = JsonPath.from(record.value());
        assertEquals(account.id().toString(), event.getString("userId"));
        assertEquals(Jwts.claims(fromPhone.getString("accessToken")).get("sid"), event.getString("sessionId"));
        assertEquals(SAFARI_IPHONE, event.getString("userAgent"));
        assertEquals(address, event.getString("ipAddress"));
        assertEquals("chorus.new-device-login.v1", TestEvents.header(record, "ce_type"));

        login(account, SAFARI_IPHONE, Http.randomAddress());
        login(account, FIREFOX_LINUX_UPDATED, Http.randomAddress()); // the same browser, updated
        assertEquals(1, announced(account.id()));
    }

    @Test
    void aLoginLinkFromANewDeviceIsAnnouncedToo() {
        Accounts.SignedUp account = Accounts.signUp();
        login(account, FIREFOX_LINUX, Http.randomAddress());
        from(Http.randomAddress()).contentType(ContentType.JSON).body(Map.of("email", account.email()))
                .post("/api/auth/login-link").then().statusCode(202);
        String link = Links.token(Links.awaitEvent(Events.LOGIN_LINK_REQUESTED, account.id()));
        from(Http.randomAddress()).header("User-Agent", SAFARI_IPHONE).contentType(ContentType.JSON)
                .body(Map.of("token", link)).post("/api/auth/login-link/complete").then().statusCode(200);
        assertEquals(1, announced(account.id()));
    }

    @Test
    void aFailedLoginRecordsNoDevice() {
        Accounts.SignedUp account = Accounts.signUp();
        login(account, FIREFOX_LINUX, Http.randomAddress());
        from(Http.randomAddress()).header("User-Agent", SAFARI_IPHONE).contentType(ContentType.JSON)
                .body(Map.of("login", account.username(), "password", "not the password at all"))
                .post("/api/auth/login").then().statusCode(401);
        assertEquals(1L, ((Number) db.single("select count(*) from known_device where account_id = ?1",
                account.id())).longValue());
    }

    @Test
    void aFingerprintIgnoresCaseSpacingAndVersionsButNotTheBrowserOrSystem() {
        assertEquals(KnownDevices.fingerprint(FIREFOX_LINUX), KnownDevices.fingerprint(FIREFOX_LINUX_UPDATED));
        assertEquals(KnownDevices.fingerprint(FIREFOX_LINUX),
                KnownDevices.fingerprint("  " + FIREFOX_LINUX.toUpperCase().replace(" ", "   ") + " "));
        assertNotEquals(KnownDevices.fingerprint(FIREFOX_LINUX), KnownDevices.fingerprint(SAFARI_IPHONE));
        assertNotEquals(KnownDevices.fingerprint(FIREFOX_LINUX),
                KnownDevices.fingerprint(FIREFOX_LINUX.replace("Linux x86_64", "Windows NT 10.0; Win64; x64")));
        assertNotEquals(KnownDevices.fingerprint(null), KnownDevices.fingerprint(FIREFOX_LINUX));
        assertEquals(64, KnownDevices.fingerprint(null).length());
    }
}
