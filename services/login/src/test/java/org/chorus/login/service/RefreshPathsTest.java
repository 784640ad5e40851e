package org.chorus.login.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.chorus.login.support.Http.given;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.login.support.Jwts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The JDBC fast path ({@link RefreshRotation}) and the entity path ({@link RefreshService#decide})
 * decide every case alike: for each, two sessions of one account are put in the same state, one is
 * given to each path. The fast path rotates exactly the cases the entity path rotates, and leaves
 * every other case untouched (it is rolled back) for the entity path to reject.
 */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class RefreshPathsTest {

    private static final ClientInfo CLIENT = new ClientInfo("10.9.8.7", "RefreshPathsTest");

    @Inject
    RefreshRotation fastPath;
    @Inject
    RefreshService entityPath;
    @Inject
    Db db;

    /** A state of token, session and account, and what a refresh must make of it (null: a new pair). */
    enum Case {
        LIVE_TOKEN(null),
        ROTATED_INSIDE_THE_GRACE_WINDOW(null),
        ROTATED_BEFORE_THE_GRACE_WINDOW(RefreshService.Rejection.REUSED),
        SESSION_REVOKED(RefreshService.Rejection.REVOKED),
        SESSION_PAST_ITS_ABSOLUTE_END(RefreshService.Rejection.EXPIRED),
        SESSION_IDLE_TOO_LONG(RefreshService.Rejection.EXPIRED),
        ACCOUNT_BANNED(RefreshService.Rejection.REVOKED),
        ACCOUNT_SUSPENDED_FOR_AN_HOUR(RefreshService.Rejection.REVOKED),
        ACCOUNT_SUSPENSION_OVER(null),
        REVOKED_AND_PAST_ITS_END(RefreshService.Rejection.REVOKED),
        EXPIRED_AND_ACCOUNT_SUSPENDED(RefreshService.Rejection.EXPIRED),
        SUSPENDED_AND_ROTATED_BEFORE_THE_GRACE_WINDOW(RefreshService.Rejection.REVOKED),
        UNKNOWN_TOKEN(RefreshService.Rejection.UNKNOWN);

        final RefreshService.Rejection expected;

        Case(RefreshService.Rejection expected) {
            this.expected = expected;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void bothPathsDecideAlike(Case scenario) {
        Accounts.SignedUp account = Accounts.signUp();
        String forFastPath = session(scenario, account);
        String forEntityPath = session(scenario, account);
        accountState(scenario, account);
        if (scenario == Case.ROTATED_INSIDE_THE_GRACE_WINDOW) {
            // rotated just now, whatever the time the two logins took (the window is 5 s)
            for (String token : new String[] {forFastPath, forEntityPath}) {
                db.sql("update refresh_token set rotated_at = now() where rotated_at is not null and session_id = "
                        + "(select session_id from refresh_token where token_hash = ?1)", OpaqueTokens.hash(token));
            }
        }

        Optional<TokenPair> fast = fastPath.rotateIfPlain(OpaqueTokens.hash(forFastPath), CLIENT);
        RefreshService.RefreshOutcome decided = entityPath.decide(OpaqueTokens.hash(forEntityPath), CLIENT);

        assertEquals(scenario.expected, decided.rejection());
        assertEquals(scenario.expected == null, decided.tokens() != null);
        assertEquals(scenario.expected == null, fast.isPresent(), "the fast path rotates what the other path rotates");
        if (fast.isEmpty() && scenario != Case.UNKNOWN_TOKEN) {
            // declined untouched: the entity path then sees exactly what the fast path saw
            assertEquals(scenario == Case.SESSION_REVOKED || scenario == Case.REVOKED_AND_PAST_ITS_END,
                    revoked(forFastPath), "the fast path changed nothing");
            assertEquals(decided.rejection(), entityPath.refresh(forFastPath, CLIENT).rejection());
        }
    }

    /** A new session of the account with the case's session and token state; its refresh token. */
    private String session(Case scenario, Accounts.SignedUp account) {
        if (scenario == Case.UNKNOWN_TOKEN) {
            return OpaqueTokens.newValue();
        }
        JsonPath login = account.login();
        String token = login.getString("refreshToken");
        UUID sid = UUID.fromString((String) Jwts.claims(login.getString("accessToken")).get("sid"));
        switch (scenario) {
            case ROTATED_INSIDE_THE_GRACE_WINDOW -> rotate(token);
            case ROTATED_BEFORE_THE_GRACE_WINDOW, SUSPENDED_AND_ROTATED_BEFORE_THE_GRACE_WINDOW -> {
                rotate(token);
                db.ageRotations(sid, "1 minute");
            }
            case SESSION_REVOKED -> revoke(sid);
            case SESSION_PAST_ITS_ABSOLUTE_END, EXPIRED_AND_ACCOUNT_SUSPENDED -> pastItsEnd(sid);
            case SESSION_IDLE_TOO_LONG -> db.sql("update login_session set last_used_at = now() - interval '15 days' "
                    + "where id = ?1", sid);
            case REVOKED_AND_PAST_ITS_END -> {
                revoke(sid);
                pastItsEnd(sid);
            }
            default -> {
            }
        }
        return token;
    }

    /** The case's account state, once both sessions exist (a suspended account cannot log in). */
    private void accountState(Case scenario, Accounts.SignedUp account) {
        switch (scenario) {
            case ACCOUNT_BANNED, EXPIRED_AND_ACCOUNT_SUSPENDED, SUSPENDED_AND_ROTATED_BEFORE_THE_GRACE_WINDOW ->
                    db.sql("update account set status = 'SUSPENDED', suspended_until = null where id = ?1",
                            account.id());
            case ACCOUNT_SUSPENDED_FOR_AN_HOUR -> suspendFor(account, "1 hour");
            case ACCOUNT_SUSPENSION_OVER -> suspendFor(account, "-1 second");
            default -> {
            }
        }
    }

    private static void rotate(String token) {
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", token))
                .post("/api/auth/refresh").then().statusCode(200);
    }

    private void revoke(UUID sid) {
        db.sql("update login_session set revoked_at = now(), revoked_reason = 'test' where id = ?1", sid);
    }

    private void pastItsEnd(UUID sid) {
        db.sql("update login_session set expires_at = now() - interval '1 second' where id = ?1", sid);
    }

    private void suspendFor(Accounts.SignedUp account, String interval) {
        db.sql("update account set status = 'SUSPENDED', suspended_until = now() + cast(?1 as interval) where id = ?2",
                interval, account.id());
    }

    private boolean revoked(String token) {
        return db.single("select s.revoked_at is not null from login_session s join refresh_token t "
                + "on t.session_id = s.id where t.token_hash = ?1", OpaqueTokens.hash(token)).equals(Boolean.TRUE);
    }
}
