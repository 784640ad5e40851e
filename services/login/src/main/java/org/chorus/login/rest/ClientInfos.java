package org.chorus.login.rest;

import jakarta.ws.rs.core.HttpHeaders;

import org.chorus.login.service.ClientInfo;

import io.vertx.core.http.HttpServerRequest;

/** The caller's address (as forwarded by the trusted gateway) and user agent. */
final class ClientInfos {

    private ClientInfos() {}

    static ClientInfo of(HttpServerRequest request) {
        String ip = request.remoteAddress() != null ? request.remoteAddress().hostAddress() : null;
        return new ClientInfo(ip, request.getHeader(HttpHeaders.USER_AGENT));
    }
}
