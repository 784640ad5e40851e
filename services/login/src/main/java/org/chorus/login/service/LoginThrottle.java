package org.chorus.login.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

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
 * A locked account answers exactly like a wrong password — the lock reveals nothing.
 */
@ApplicationScoped
public class LoginThrottle {

    private final AbuseConfig config;
    private final RateLimiter counters;
    private final KeyCommands<String> keys;
    private final ValueCommands<String, String> values;
    private final Outbox outbox;
    private final RateLimiter.Limit ipFailures;

    LoginThrottle(AbuseConfig config, RateLimiter counters, RedisDataSource redis, Outbox outbox) {
        this.config = config;
        this.counters = counters;
        this.keys = redis.key();
        this.values = redis.value(String.class);
        this.outbox = outbox;
        this.ipFailures = RateLimiter.Limit.parse(config.loginFailuresPerIp());
    }

    /** Refuses an address that already failed too often (before any password work). */
    public void checkAddress(String ip) {
        Duration wait = counters.blockedFor("login-fail-ip", ip, ipFailures);
        if (wait != null) {
            throw new TooManyRequestsException(wait);
        }
    }

    public boolean isLocked(UUID accountId) {
        try {
            return keys.exists(lockKey(accountId));
        } catch (RuntimeException e) {
            Log.warnf("Lockout of %s not checked, Redis failed: %s", accountId, e.getMessage());
            return false;
        }
    }

    /** A failed attempt on no account: only the address is counted. */
    public void unknownAccountFailed(String ip) {
        counters.increment("login:rl:login-fail-ip:" + ip, ipFailures.window());
    }

    /** An attempt on a locked account: counted for the address, told to the audit log, the lock unchanged. */
    public void lockedAccountTried(UUID accountId, ClientInfo client) {
        counters.increment("login:rl:login-fail-ip:" + client.ip(), ipFailures.window());
        publishFailure(accountId, client, "locked");
    }

    /** A wrong password: counted for the account and the address; may lock the account. */
    public void wrongPassword(UUID accountId, ClientInfo client) {
        failed(accountId, client, "bad-password");
    }

    /** A wrong second-factor code: counted exactly like a wrong password. */
    public void wrongSecondFactor(UUID accountId, ClientInfo client) {
        failed(accountId, client, "bad-second-factor");
    }

    private void failed(UUID accountId, ClientInfo client, String reason) {
        counters.increment("login:rl:login-fail-ip:" + client.ip(), ipFailures.window());
        long consecutive = counters.increment(consecutiveKey(accountId), Duration.ofHours(1));
        long thisHour = counters.increment(hourlyKey(accountId), Duration.ofHours(1));
        Duration lock = lockFor(consecutive, thisHour, accountId);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(Events.LOGIN_FAILED, accountId,
                    new LoginFailed(accountId, client.ip(), client.userAgent(), reason, now));
            if (lock != null) {
                outbox.publish(Events.ACCOUNT_LOCKED, accountId,
                        new AccountLocked(accountId, (int) consecutive, now.plus(lock), now));
            }
        });
        if (lock != null) {
            setLock(accountId, lock);
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

    private void publishFailure(UUID accountId, ClientInfo client, String reason) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(Events.LOGIN_FAILED, accountId,
                new LoginFailed(accountId, client.ip(), client.userAgent(), reason, Instant.now())));
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
