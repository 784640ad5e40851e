package org.chorus.gateway.proxy;

/** No connection to the upstream could be had (refused, connect timeout, pool queue full). */
class UpstreamUnavailableException extends RuntimeException {

    UpstreamUnavailableException(Throwable cause) {
        super(cause.toString(), cause, false, false);
    }
}
