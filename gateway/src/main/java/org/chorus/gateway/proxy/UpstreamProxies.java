package org.chorus.gateway.proxy;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.chorus.gateway.GatewayMetrics;
import org.chorus.gateway.RouteTable;
import org.chorus.gateway.Upstream;
import org.chorus.gateway.config.GatewayConfig;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;

/** One reverse proxy per upstream, all on one keep-alive HTTP client (Vert.x keeps a pool per host and port). */
@Singleton
public class UpstreamProxies {

    private final HttpClient client;
    private final HttpClient upgrades;
    private final Map<Upstream, HttpProxy> proxies = new HashMap<>();

    public UpstreamProxies(Vertx vertx, GatewayConfig config, RouteTable routes, GatewayMetrics metrics) {
        GatewayConfig.Client settings = config.client();
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(Math.max(1, (int) settings.keepAliveTimeout().toSeconds()))
                        .setConnectTimeout((int) settings.connectTimeout().toMillis())
                        // bodies pass through as they are: never decompress, never re-encode
                        .setDecompressionSupported(false),
                new PoolOptions()
                        .setHttp1MaxSize(settings.maxConnectionsPerUpstream())
                        .setMaxWaitQueueSize(settings.maxWaitQueue()));
        // its own pool: a connection is upgraded (and leaves the pool) on its first request, never reused after
        // serving plain requests, whose server may then take the handshake for a plain request
        this.upgrades = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) settings.connectTimeout().toMillis()).setDecompressionSupported(false));
        for (Upstream upstream : routes.upstreams()) {
            proxies.put(upstream, HttpProxy.reverseProxy(client)
                    .origin(new UpstreamOrigin(upstream, upgrades, settings.connectTimeout().toMillis(),
                            settings.responseTimeout().toMillis()))
                    .addInterceptor(new UpstreamFailures(upstream, metrics)));
        }
    }

    public HttpProxy forUpstream(Upstream upstream) {
        return proxies.get(upstream);
    }

    @PreDestroy
    void close() {
        client.close();
        upgrades.close();
    }
}
