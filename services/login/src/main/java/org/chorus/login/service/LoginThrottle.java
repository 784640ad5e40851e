package org.chorus.login.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.chorus.events.Events;
import org.chorus.events.login.AccountLocked;
import org.chorus.events.login.LoginFailed;
import org.chorus.login.config.AbuseConfig;
import org.chorus.outbox.Outbox;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * Failed-login bookkeeping in Redis. Per account: consecutive failures lock it for a wait that
 * doubles with every further failure (up to {@code lockout-max}), and an hourly cap bounds the
 * guesses whatever the timing. Per address: too many failures and it gets 429 with Retry-After.
 * A locked account answers exactly like a wrong password — the lock reveals nothing. A password login
 * naming no account is counted like a wrong password too, against a {@link Subject#standIn stand-in}
 * for the name: the same counters, the same lock check and the same transaction (rolled back: there
 * is nobody to tell), so that the two take the same time and the timing tells nobody which accounts exist.
 */
@ApplicationScoped
public class LoginThrottle {

    private final AbuseConfig config;
    private final RateLimiter counters;
    private final KeyCommands<String> keys;
    private final ValueCommands<String, String> values;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final RateLimiter.Limit ipFailures;

    LoginThrottle(AbuseConfig config, RateLimiter counters, RedisDataSource redis, Outbox outbox,
                  EntityManager entityManager) {
        this.config = config;
        this.counters = counters;
        this.keys = redis.key();
        this.values = redis.value(String.class);
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.ipFailures = RateLimiter.Limit.parse(config.loginFailuresPerIp());
    }

    /** Refuses an address that already failed too often (before any password work). */
    public void checkAddress(String ip) {
        Duration wait = counters.blockedFor("login-fail-ip", ip, ipFailures);
        if (wait != null) {
            throw new TooManyRequestsException(wait);
        }
    }

    /**
     * Whom a failed login is counted against: an account, or the stand-in of a login that names
     * none — a name-based UUID (version 3, which no account id is: those are random, version 4), so
     * its counters and lock have the keys an account's would have.
     */
    public record Subject(UUID id, boolean known) {

        public static Subject account(UUID accountId) {
            return new Subject(accountId, true);
        }

        public static Subject standIn(String login) {
            String normalised = login.trim().toLowerCase(Locale.ROOT);
            return new Subject(UUID.nameUUIDFromBytes(("login:" + normalised).getBytes(StandardCharsets.UTF_8)),
                    false);
        }
    }

    public boolean isLocked(Subject subject) {
        return isLocked(subject.id());
    }

    public boolean isLocked(UUID accountId) {
        try {
            return keys.exists(lockKey(accountId));
        } catch (RuntimeException e) {
            Log.warnf("Lockout of %s not checked, Redis failed: %s", accountId, e.getMessage());
            return false;
        }
    }

    /** A failed attempt on no account (an unknown challenge or API key): only the address is counted. */
    public void unknownAccountFailed(String ip) {
        counters.increment("login:rl:login-fail-ip:" + ip, ipFailures.window());
    }

    /** An attempt on a locked account: counted for the address, told to the audit log, the lock unchanged. */
    public void lockedAccountTried(UUID accountId, ClientInfo client) {
        lockedAccountTried(Subject.account(accountId), client);
    }

    public void lockedAccountTried(Subject subject, ClientInfo client) {
        counters.increment("login:rl:login-fail-ip:" + client.ip(), ipFailures.window());
        Instant now = Instant.now();
        announce(subject, () -> outbox.publish(Events.LOGIN_FAILED, subject.id(),
                new LoginFailed(subject.id(), client.ip(), client.userAgent(), "locked", now)));
    }

    /** A wrong password: counted for the account and the address; may lock the account. */
    public void wrongPassword(UUID accountId, ClientInfo client) {
        failed(Subject.account(accountId), client, "bad-password");
    }

    /** A wrong password, or a login naming no account (then against its stand-in, the same work). */
    public void wrongPassword(Subject subject, ClientInfo client) {
        failed(subject, client, "bad-password");
    }

    /** A wrong second-factor code: counted exactly like a wrong password. */
    public void wrongSecondFactor(UUID accountId, ClientInfo client) {
        failed(Subject.account(accountId), client, "bad-second-factor");
    }

    private void failed(Subject subject, ClientInfo client, String reason) {
        UUID id = subject.id();
        counters.increment("login:rl:login-fail-ip:" + client.ip(), ipFailures.window());
        long consecutive = counters.increment(consecutiveKey(id), Duration.ofHours(1));
        long thisHour = counters.increment(hourlyKey(id), Duration.ofHours(1));
        Duration lock = lockFor(consecutive, thisHour, id);
        Instant now = Instant.now();
        announce(subject, () -> {
            outbox.publish(Events.LOGIN_FAILED, id, new LoginFailed(id, client.ip(), client.userAgent(), reason, now));
            if (lock != null) {
                outbox.publish(Events.ACCOUNT_LOCKED, id, new AccountLocked(id, (int) consecutive, now.plus(lock), now));
            }
        });
        if (lock != null) {
            setLock(id, lock);
        }
    }

    /**
     * Publishes in a transaction of its own; for a stand-in the same statements run and are rolled
     * back — a stand-in is no account, nobody may hear of it, but the attempt must cost what one on
     * an account costs.
     */
    private void announce(Subject subject, Runnable publish) {
        if (subject.known()) {
            QuarkusTransaction.requiringNew().run(publish);
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                publish.run();
                entityManager.flush(); // the inserts run, as they would at a commit
                throw StandInRollback.INSTANCE;
            });
        } catch (RuntimeException e) {
            if (e != StandInRollback.INSTANCE && e.getCause() != StandInRollback.INSTANCE) {
                throw e;
            } // else: rolled back, as intended
        }
    }

    /** Ends a stand-in's transaction in a rollback; carries no stack trace (it is no error). */
    private static final class StandInRollback extends RuntimeException {
        static final StandInRollback INSTANCE = new StandInRollback();

        private StandInRollback() {
            super("a stand-in's failure is told to nobody", null, false, false);
        }
    }

    /** A successful login ends the run of consecutive failures (the hourly count stays). */
    public void succeeded(UUID accountId) {
        try {
            keys.del(consecutiveKey(accountId));
        } catch (RuntimeException e) {
            Log.warnf("Failure counter of %s not reset, Redis failed: %s", accountId, e.getMessage());
        }
    }

    /** Null: no lock. Doubling from the threshold on; the hourly cap locks until the hour is over. */
    private Duration lockFor(long consecutive, long thisHour, UUID accountId) {
        if (thisHour >= config.maxFailuresPerHour()) {
            return counters.retryAfter(hourlyKey(accountId), Duration.ofHours(1));
        }
        if (consecutive < config.lockoutThreshold()) {
            return null;
        }
        long doublings = Math.min(consecutive - config.lockoutThreshold(), 20);
        Duration wait = config.lockoutBase().multipliedBy(1L << doublings);
        return wait.compareTo(config.lockoutMax()) > 0 ? config.lockoutMax() : wait;
    }

    private void setLock(UUID accountId, Duration lock) {
        try {
            values.psetex(lockKey(accountId), lock.toMillis(),
                    Long.toString(Instant.now().plus(lock).getEpochSecond()));
        } catch (RuntimeException e) {
            Log.warnf("Lockout of %s not set, Redis failed: %s", accountId, e.getMessage());
        }
    }

    private static String lockKey(UUID accountId) {
        return "login:lock:acct:" + accountId;
    }

    private static String consecutiveKey(UUID accountId) {
        return "login:fail:acct:" + accountId;
    }

    private static String hourlyKey(UUID accountId) {
        return "login:fail:acct-hour:" + accountId;
    }
}
