package org.chorus.login.service;

/** Where a request came from, as recorded on sessions and in security events. */
public record ClientInfo(String ip, String userAgent) {

    private static final int MAX_USER_AGENT = 512;

    public ClientInfo {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        if (ip != null && ip.length() > 64) {
            ip = ip.substring(0, 64);
        }
    }
}
