package org.chorus.gateway.proxy;

import org.chorus.gateway.Upstream;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

/** Opens the request to one upstream, with the gateway's timeouts. */
final class UpstreamOrigin implements OriginRequestProvider {

    private final Upstream upstream;
    private final long connectTimeoutMillis;
    private final long responseTimeoutMillis;

    UpstreamOrigin(Upstream upstream, long connectTimeoutMillis, long responseTimeoutMillis) {
        this.upstream = upstream;
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
                // the idle timeout runs from the moment the request is sent: no byte of answer within it → timeout
                .setIdleTimeout(responseTimeoutMillis);
        // tell "could not even get a connection" (503) apart from failures once the request is out (502/504)
        return context.client().request(options)
                .recover(cause -> Future.failedFuture(new UpstreamUnavailableException(cause)));
    }
}
