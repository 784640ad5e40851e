package org.chorus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.chorus.testing.TestDenyList;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.Test;

/**
 * One clock skew for every verifier, and deny-list entries that outlive all of them: fails when the value this
 * library ships, the gateway's, the test tokens' or the deny-list layout drift apart (issue 15: a 30 s entry
 * against a 60 s skew reopened revoked tokens for half a minute).
 */
class ClockSkewAgreementTest {

    @Test
    void theLibraryShipsTheSkewOfTokenPolicy() throws IOException {
        assertEquals(TokenPolicy.CLOCK_SKEW.toSeconds(), Long.parseLong(shipped().getProperty("mp.jwt.verify.clock.skew")));
        assertEquals(TokenPolicy.CLOCK_SKEW, TestJwt.CLOCK_SKEW);
    }

    @Test
    void theGatewayVerifiesWithTheSameSkew() throws IOException {
        Path gateway = Path.of(System.getProperty("chorus.repository.root", "../.."),
                "gateway/src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(gateway)) {
            properties.load(in);
        }
        assertEquals(Long.toString(TokenPolicy.CLOCK_SKEW.toSeconds()), properties.getProperty("mp.jwt.verify.clock.skew"),
                "gateway/src/main/resources/application.properties must set mp.jwt.verify.clock.skew to the shared skew");
    }

    @Test
    void anEntryOutlivesTheLastAcceptanceOfEveryTokenItDenies() {
        Duration lifetime = Duration.ofMinutes(10);
        Instant revokedAt = Instant.parse("2026-12-03T10:00:00.400Z");
        // the latest token it must deny was issued at revokedAt: accepted until revokedAt + lifetime + skew
        Instant lastAccepted = revokedAt.plus(lifetime).plus(TokenPolicy.CLOCK_SKEW);
        for (Duration writtenAfter : new Duration[] { Duration.ZERO, Duration.ofMillis(900), Duration.ofMinutes(5) }) {
            Instant written = revokedAt.plus(writtenAfter);
            long ttl = TokenPolicy.denyListTtl(lifetime, TokenPolicy.CLOCK_SKEW, revokedAt, written);
            assertTrue(!written.plusSeconds(ttl).isBefore(lastAccepted.plus(TokenPolicy.DENY_LIST_MARGIN)),
                    "written " + writtenAfter + " after: TTL " + ttl);
        }
        assertTrue(TokenPolicy.denyListTtl(lifetime, TokenPolicy.CLOCK_SKEW, revokedAt,
                lastAccepted.plus(TokenPolicy.DENY_LIST_MARGIN)) <= 0, "nothing left to deny");
    }

    @Test
    void testsWriteTheDenyListLayoutServicesRead() {
        assertEquals(DenyListKeys.SESSION_PREFIX, TestDenyList.SESSION_PREFIX);
        assertEquals(DenyListKeys.USER_PREFIX, TestDenyList.USER_PREFIX);
    }

    @Test
    void aUserEntryRevokesTokensIssuedUpToItsSecond() {
        assertTrue(DenyListKeys.revoked("100", null, 100));
        assertTrue(DenyListKeys.revoked("100", null, 99));
        assertTrue(!DenyListKeys.revoked("100", null, 101));
        assertTrue(DenyListKeys.revoked(null, "100", 500));
        assertTrue(DenyListKeys.revoked("garbage", null, 500));
        assertTrue(!DenyListKeys.revoked(null, null, 500));
    }

    private static Properties shipped() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TokenPolicy.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
