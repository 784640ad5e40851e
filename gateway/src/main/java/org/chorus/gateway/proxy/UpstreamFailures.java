package org.chorus.gateway.proxy;

import java.util.concurrent.TimeoutException;

import org.chorus.gateway.GatewayMetrics;
import org.chorus.gateway.Problem;
import org.chorus.gateway.RequestIds;
import org.chorus.gateway.Upstream;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Turns a failed exchange with an upstream into problem+json: 503 when it cannot be reached, 504 when it is too
 * slow, 502 when it breaks off. Without this the proxy library answers a bare 502 to all of them.
 */
final class UpstreamFailures implements ProxyInterceptor {

    private final Upstream upstream;
    private final GatewayMetrics metrics;

    UpstreamFailures(Upstream upstream, GatewayMetrics metrics) {
        this.upstream = upstream;
        this.metrics = metrics;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(cause -> Future.succeededFuture(answer(context.request(), cause)));
    }

    private ProxyResponse answer(ProxyRequest request, Throwable cause) {
        Problem problem;
        String kind;
        if (request.proxiedRequest().response().closed()) {
            // the client left and the upstream request was reset for it: not the service's failure
            Log.debugf("%s %s → %s cancelled: the client disconnected", request.getMethod(), request.getURI(),
                    upstream.name());
            return request.release().response().setStatusCode(499).setBody(Body.body(io.vertx.core.buffer.Buffer.buffer()));
        }
        if (cause instanceof UpstreamUnavailableException) {
            problem = Problem.upstreamUnavailable(upstream);
            kind = "unavailable";
        } else if (causedByTimeout(cause)) {
            problem = Problem.upstreamTimeout(upstream);
            kind = "timeout";
        } else {
            problem = Problem.badGateway(upstream);
            kind = "bad_gateway";
        }
        metrics.upstreamFailure(upstream, kind);
        Log.warnf("%s %s → %s failed (%s, request %s): %s", request.getMethod(), request.getURI(), upstream.name(),
                kind, request.headers().get(RequestIds.HEADER), cause.toString());
        // release() resumes the client's request body (dropped) and forgets the upstream exchange
        return request.release().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(problem.toBuffer()));
    }

    private static boolean causedByTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
