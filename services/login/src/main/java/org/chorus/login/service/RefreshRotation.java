package org.chorus.login.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.login.AccountStatus;
import org.chorus.login.config.SessionConfig;

import io.agroal.api.AgroalDataSource;

/**
 * The common case of a refresh — the live token of a live session of an active account, or a token
 * rotated inside the grace window — in one plain JDBC transaction: lock and read, one write, commit.
 * A rotation is the busiest write of the service (every client, every few minutes), and profiling
 * it showed the ORM and JTA layers taking a quarter of its CPU, more than the two statements they
 * wrapped. Which tokens are simply rotatable is {@link RefreshRules}' to say, for both paths. Anything else (unknown, revoked, expired or reused token, inactive account) is not decided
 * here: the transaction is rolled back untouched and {@link RefreshService} re-reads the rows under
 * the same locks and decides with the entities, events and revocations that such a case needs. So is the first
 * refresh of a UTC day for an account not yet announced as active that day: {@code user-active} goes through the
 * outbox, which needs the JTA transaction of the other path ({@link DailyActivity}).
 */
@ApplicationScoped
class RefreshRotation {

    /** The session and the token are locked, so a concurrent refresh of the family waits for ours. */
    private static final String LOCK_AND_READ = """
            select s.id, s.user_agent, s.expires_at, s.last_used_at, s.revoked_at, t.rotated_at,
                   a.id, a.username, a.status, a.suspended_until, a.roles, a.email_verified, a.tokens_invalid_before,
                   (select v.last_day from account_activity v where v.account_id = a.id)
            from refresh_token t
            join login_session s on s.id = t.session_id
            join account a on a.id = s.account_id
            where t.token_hash = ?
            for update of s, t""";

    /**
     * The presented token is marked rotated (unless a refresh inside the grace window already did),
     * the session records its use, and the successor is inserted — one statement, one round trip.
     */
    private static final String ROTATE = """
            with retired as (
                update refresh_token set rotated_at = ? where token_hash = ? and rotated_at is null),
            used as (
                update login_session set last_used_at = ?, ip = ?, user_agent = ? where id = ?)
            insert into refresh_token (token_hash, session_id, issued_at) values (?, ?, ?)""";

    private final AgroalDataSource dataSource;
    private final RefreshRules rules;
    private final AccessTokens accessTokens;

    RefreshRotation(AgroalDataSource dataSource, SessionConfig config, AccessTokens accessTokens) {
        this.dataSource = dataSource;
        this.rules = RefreshRules.of(config);
        this.accessTokens = accessTokens;
    }

    /** The new pair, or empty when the presented token is not simply rotatable (nothing was changed). */
    Optional<TokenPair> rotateIfPlain(String presentedHash, ClientInfo client) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<TokenPair> pair = rotate(connection, presentedHash, client);
                if (pair.isPresent()) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return pair;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            // the web layer reads the SQLState through the cause (a serialization failure is a 503)
            throw new IllegalStateException("Refresh rotation failed", e);
        }
    }

    private Optional<TokenPair> rotate(Connection connection, String presentedHash, ClientInfo client)
            throws SQLException {
        Instant now = Instant.now();
        UUID sessionId;
        String sessionAgent;
        AccessTokens.Subject subject;
        try (PreparedStatement read = connection.prepareStatement(LOCK_AND_READ)) {
            read.setString(1, presentedHash);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                RefreshRules.State state = new RefreshRules.State(
                        instant(row, 5),
                        instant(row, 3),
                        instant(row, 4),
                        true,
                        AccountStatus.valueOf(row.getString(9)),
                        instant(row, 10),
                        instant(row, 6));
                if (rules.decide(state, now) != RefreshRules.Decision.ROTATE) {
                    return Optional.empty(); // RefreshService decides it again, with what it entails
                }
                java.sql.Date lastActive = row.getDate(14);
                if (lastActive == null || lastActive.toLocalDate().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                    return Optional.empty(); // the day's first refresh: RefreshService announces the activity
                }
                sessionId = row.getObject(1, UUID.class);
                sessionAgent = row.getString(2);
                subject = new AccessTokens.Subject(
                        row.getObject(7, UUID.class),
                        row.getString(8),
                        Arrays.asList((String[]) row.getArray(11).getArray()),
                        row.getBoolean(12),
                        instant(row, 13));
            }
        }
        String successor = OpaqueTokens.newValue();
        write(
                connection,
                presentedHash,
                OpaqueTokens.hash(successor),
                sessionId,
                client.userAgent() != null ? client.userAgent() : sessionAgent,
                client.ip(),
                now);
        return Optional.of(new TokenPair(
                accessTokens.issue(subject, sessionId), successor, accessTokens.lifetimeSeconds(), sessionId));
    }

    /** The rotation's write, on the caller's connection and transaction (the session row is locked). */
    static void write(
            Connection connection,
            String presentedHash,
            String successorHash,
            UUID sessionId,
            String userAgent,
            String ip,
            Instant now)
            throws SQLException {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        try (PreparedStatement rotate = connection.prepareStatement(ROTATE)) {
            rotate.setObject(1, at);
            rotate.setString(2, presentedHash);
            rotate.setObject(3, at);
            rotate.setString(4, ip);
            rotate.setString(5, userAgent);
            rotate.setObject(6, sessionId);
            rotate.setString(7, successorHash);
            rotate.setObject(8, sessionId);
            rotate.setObject(9, at);
            rotate.executeUpdate();
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
