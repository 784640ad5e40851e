package org.chorus.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;

/**
 * Replaces whatever forwarding headers the client sent with the gateway's own account of the connection, so that
 * services which trust the gateway (quarkus.http.proxy.*) see the real client and cannot be fooled by a spoofed IP.
 *
 * <p>If the gateway itself runs behind a trusted load balancer, enable quarkus.http.proxy.* on the gateway too:
 * the address, scheme and host read here then come from the load balancer's headers.
 */
final class ForwardedHeaders {

    private ForwardedHeaders() {}

    static void apply(HttpServerRequest request) {
        MultiMap headers = request.headers();
        List<String> spoofable = new ArrayList<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-forwarded-") || lower.equals("forwarded") || lower.equals("x-real-ip")) {
                spoofable.add(name);
            }
        }
        spoofable.forEach(headers::remove);

        SocketAddress client = request.remoteAddress();
        if (client != null && client.hostAddress() != null) {
            headers.set("X-Forwarded-For", client.hostAddress());
        }
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        HostAndPort authority = request.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.toString());
        }
    }
}
