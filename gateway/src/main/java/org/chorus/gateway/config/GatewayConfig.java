package org.chorus.gateway.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway reads from configuration (environment in production: CHORUS_GATEWAY_...). */
@ConfigMapping(prefix = "chorus.gateway")
public interface GatewayConfig {

    Upstreams upstream();

    Client client();

    Jwks jwks();

    DenyList denyList();

    Edge edge();

    RateLimit rateLimit();

    Docs docs();

    Jwt jwt();

    interface Jwt {
        /** Verified tokens remembered until their expiry, so a repeated token skips the signature check. */
        @WithDefault("10000")
        int verifiedCacheSize();
    }

    /** Base URL (scheme://host:port) of each service; a path in it is ignored. */
    interface Upstreams {
        @WithDefault("http://localhost:8081")
        URI login();

        @WithDefault("http://localhost:8082")
        URI users();

        @WithDefault("http://localhost:8083")
        URI content();

        @WithDefault("http://localhost:8084")
        URI admin();

        @WithDefault("http://localhost:8085")
        URI notifications();

        @WithDefault("http://localhost:8086")
        URI messages();
    }

    /** The one keep-alive HTTP client shared by every upstream (one connection pool per upstream). */
    interface Client {
        /** Time to open a connection to an upstream; past it the upstream counts as down (503). */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * Longest silence from an upstream while waiting for its response, or between chunks of a streamed
         * response (504). Streams (SSE) must send heartbeats more often than this.
         */
        @WithDefault("30s")
        Duration responseTimeout();

        /** An unused pooled connection is closed after this; shorter than the services' own idle timeout. */
        @WithDefault("60s")
        Duration keepAliveTimeout();

        /** Connections per upstream; requests beyond it wait in a bounded queue. */
        @WithDefault("100")
        int maxConnectionsPerUpstream();

        /** Requests waiting for a connection per upstream; beyond it they get 503 at once instead of piling up. */
        @WithDefault("1000")
        int maxWaitQueue();
    }

    /** How login's JWKS (mp.jwt.verify.publickey.location) is cached. */
    interface Jwks {
        /** A token with an unknown kid triggers a re-fetch at most this often (a flood of forged kids costs one fetch). */
        @WithDefault("10s")
        Duration minRefreshInterval();

        /** Keys older than this are re-fetched in the background, so a key login dropped stops working. */
        @WithDefault("10m")
        Duration maxAge();

        @WithDefault("5s")
        Duration fetchTimeout();
    }

    /** Revoked sessions and users, written by login to Redis. */
    interface DenyList {
        /**
         * When Redis cannot answer: true lets verified tokens through (logged and counted), false answers 503.
         * Open by default: access tokens live ~10 minutes, so the exposure is bounded, and a Redis outage should
         * not take the whole platform down with it.
         */
        @WithDefault("true")
        boolean failOpen();

        /** How long a request waits for Redis before the deny-list counts as unavailable. */
        @WithDefault("500ms")
        Duration timeout();

        Mirror mirror();

        /** The local copy of the deny-list (auth/DenyListMirror), kept current by Redis keyspace notifications. */
        interface Mirror {
            @WithDefault("true")
            boolean enabled();

            /** How often the gateway writes its heartbeat key, whose notification proves the mirror current. */
            @WithDefault("250ms")
            Duration heartbeatInterval();

            /** Without a heartbeat back for this long the mirror is stale and Redis is asked on every request. */
            @WithDefault("1s")
            Duration staleAfter();
        }
    }

    /** What the gateway refuses before routing (answers 414 / 431 problem+json). */
    interface Edge {
        /** Longest request target (path and query); longer → 414. Below quarkus.http.limits.max-initial-line-length. */
        @WithDefault("8192")
        int maxUriLength();

        /** Largest sum of header names and values; larger → 431. Below quarkus.http.limits.max-header-size. */
        @WithDefault("20480")
        int maxHeaderBytes();

        /** Strict-Transport-Security max-age on answers served over TLS. */
        @WithDefault("365d")
        Duration hstsMaxAge();
    }

    /** Rate limits per caller and route class, shared by every gateway replica through Redis. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** How long a request waits for Redis; past it the limit fails open (logged and counted). */
        @WithDefault("250ms")
        Duration timeout();

        /** Sign-up, login, 2FA, password reset, login link, token exchange: per client address. */
        @WithDefault("20")
        int authenticationLimit();

        @WithDefault("5m")
        Duration authenticationWindow();

        /** New posts and comments. */
        @WithDefault("30")
        int postingLimit();

        @WithDefault("5m")
        Duration postingWindow();

        /** Request bodies of pictures and other files (multipart, image/*, application/octet-stream). */
        @WithDefault("30")
        int uploadsLimit();

        @WithDefault("30m")
        Duration uploadsWindow();

        /** Any other POST, PUT, PATCH, DELETE. */
        @WithDefault("120")
        int writesLimit();

        @WithDefault("1m")
        Duration writesWindow();

        /** GET and HEAD. */
        @WithDefault("300")
        int readsLimit();

        @WithDefault("1m")
        Duration readsWindow();
    }

    /** The merged OpenAPI document of every service at /api/docs/openapi.json. */
    interface Docs {
        /** A service's document is fetched again when older than this. */
        @WithDefault("5m")
        Duration refreshInterval();

        @WithDefault("5s")
        Duration fetchTimeout();
    }
}
