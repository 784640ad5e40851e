package org.chorus.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The gateway's entry point: Quarkus' own, with one switch set before Quarkus starts. Quarkus' HTTP layer refuses a
 * request target {@link java.net.URI} cannot parse ({@code ?%=%}, {@code ?q=%zz}, a raw {@code |}) with a 400 that has
 * no body and no request id, before any handler runs; its check reads the system property once, when its class
 * loads. With it off, the gateway's edge step makes the same check and answers problem+json with an
 * {@code X-Request-Id} (issue 15.4) — and still forwards nothing a service's own copy of that check would refuse.
 */
@QuarkusMain
public final class GatewayMain {

    /** Read by Quarkus' {@code VertxHttpRecorder} in its static initialiser. */
    public static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private GatewayMain() {}

    public static void main(String... args) {
        System.setProperty(DISABLE_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
