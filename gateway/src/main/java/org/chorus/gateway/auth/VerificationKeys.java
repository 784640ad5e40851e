package org.chorus.gateway.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.chorus.gateway.config.GatewayConfig;
import org.chorus.gateway.config.SharedSettings;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Login's public keys, fetched from its JWKS without blocking an event loop, cached, re-fetched when they grow old
 * and when a token names a kid we do not know yet (login rotated its key).
 */
@Singleton
public class VerificationKeys {

    private static final int MAX_JWKS_BYTES = 256 * 1024;

    private final String location;
    private final HttpClient http;
    private final RequestOptions fetchOptions;
    private final long minRefreshNanos;
    private final long maxAgeNanos;

    private volatile KeySet current = KeySet.NONE;
    // guarded by this: at most one fetch at a time, shared by every request that needs it
    private Future<KeySet> inFlight;
    private long lastAttemptNanos;
    private boolean attempted;

    @Inject
    public VerificationKeys(Vertx vertx, GatewayConfig config, SharedSettings settings) {
        this(vertx, config, settings.publicKeyLocation());
    }

    public VerificationKeys(Vertx vertx, GatewayConfig config, String location) {
        URI uri = URI.create(location);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("mp.jwt.verify.publickey.location must be login's JWKS URL, got " + location);
        }
        this.location = location;
        int timeoutMillis = (int) config.jwks().fetchTimeout().toMillis();
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeoutMillis).setKeepAlive(false));
        this.fetchOptions = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(location)
                .setIdleTimeout(timeoutMillis).addHeader("Accept", "application/json");
        this.minRefreshNanos = config.jwks().minRefreshInterval().toNanos();
        this.maxAgeNanos = config.jwks().maxAge().toNanos();
    }

    /**
     * The key that signed a token. Fails with {@link InvalidTokenException} when login does not know the kid, and
     * with {@link KeysUnavailableException} when no keys could be fetched at all.
     */
    public Future<PublicKey> key(String kid) {
        KeySet keys = current;
        PublicKey key = keys.find(kid);
        if (key != null) {
            if (keys.olderThan(maxAgeNanos, System.nanoTime())) {
                refresh(false); // in the background; the cached keys keep working meanwhile
            }
            return Future.succeededFuture(key);
        }
        Future<KeySet> refreshed = refresh(keys.isEmpty());
        if (refreshed == null) {
            return Future.failedFuture(new InvalidTokenException("Unknown signing key " + kid));
        }
        return refreshed.transform(ar -> {
            if (ar.failed()) {
                return current.isEmpty()
                        ? Future.failedFuture(new KeysUnavailableException("Login's JWKS cannot be fetched", ar.cause()))
                        : Future.failedFuture(new InvalidTokenException("Unknown signing key " + kid));
            }
            PublicKey found = ar.result().find(kid);
            return found != null ? Future.succeededFuture(found)
                    : Future.failedFuture(new InvalidTokenException("Unknown signing key " + kid));
        });
    }

    /** Starts a fetch, or joins the running one; null when the last attempt was too recent (and force is false). */
    private synchronized Future<KeySet> refresh(boolean force) {
        if (inFlight != null) {
            return inFlight;
        }
        long now = System.nanoTime();
        if (!force && attempted && now - lastAttemptNanos < minRefreshNanos) {
            return null;
        }
        attempted = true;
        lastAttemptNanos = now;
        Future<KeySet> fetch = fetch();
        inFlight = fetch;
        fetch.onComplete(ar -> {
            synchronized (this) {
                inFlight = null;
            }
            if (ar.succeeded()) {
                current = ar.result();
                Log.debugf("Fetched %d verification key(s) from login", ar.result().byKid().size());
            } else {
                Log.warnf("Cannot fetch login's JWKS from %s: %s", location, ar.cause().toString());
            }
        });
        return fetch;
    }

    private Future<KeySet> fetch() {
        return http.request(fetchOptions)
                .compose(HttpClientRequest::send)
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("JWKS answered HTTP " + response.statusCode()))
                .compose(this::parse);
    }

    private Future<KeySet> parse(Buffer body) {
        if (body.length() > MAX_JWKS_BYTES) {
            return Future.failedFuture("JWKS larger than " + MAX_JWKS_BYTES + " bytes");
        }
        try {
            return Future.succeededFuture(KeySet.parse(body.toString(StandardCharsets.UTF_8), System.nanoTime()));
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
