package org.chorus.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

/** The X-Request-Id that ties one request's log lines together across the gateway and the services. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    // bounded and plain, so a client cannot inject log lines, huge values or header tricks through it
    private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    private RequestIds() {}

    /** The client's id when it is well-formed, a new UUID otherwise. */
    public static String acceptOrCreate(String incoming) {
        if (incoming != null && VALID.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
