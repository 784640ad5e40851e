package org.chorus.gateway.proxy;

import org.chorus.gateway.Upstream;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

/** Opens the request to one upstream, with the gateway's timeouts. */
final class UpstreamOrigin implements OriginRequestProvider {

    private final Upstream upstream;
    private final HttpClient upgrades;
    private final long connectTimeoutMillis;
    private final long responseTimeoutMillis;

    /** @param upgrades the client for WebSocket upgrades, apart from the pool of plain requests */
    UpstreamOrigin(Upstream upstream, HttpClient upgrades, long connectTimeoutMillis, long responseTimeoutMillis) {
        this.upstream = upstream;
        this.upgrades = upgrades;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.responseTimeoutMillis = responseTimeoutMillis;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setConnectTimeout(connectTimeoutMillis)
                // runs from sending the request until the answer's head arrives (Vert.x cancels it then): a slow
                // service is a 504, but an open stream (SSE, a long download) is never cut
                .setIdleTimeout(responseTimeoutMillis);
        String upgrade = context.request().proxiedRequest().getHeader(HttpHeaders.UPGRADE);
        // upgrades use their own client, not the pool of plain requests (see UpstreamProxies)
        HttpClient client = upgrade != null && upgrade.equalsIgnoreCase("websocket") ? upgrades : context.client();
        // tell "could not even get a connection" (503) apart from failures once the request is out (502/504)
        return client.request(options)
                .recover(cause -> Future.failedFuture(new UpstreamUnavailableException(cause)));
    }
}
