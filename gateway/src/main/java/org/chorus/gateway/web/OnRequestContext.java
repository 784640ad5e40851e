package org.chorus.gateway.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Brings a result back to the request's own context. Shared futures (one JWKS fetch serves requests on every
 * event loop) may complete on another event loop; the request must go on where it started.
 */
final class OnRequestContext {

    private OnRequestContext() {}

    static <T> Future<T> of(Future<T> future) {
        Context context = Vertx.currentContext();
        // already decided (a cached token, the deny-list mirror): go on right here, on the request's own thread
        if (context == null || future.isComplete()) {
            return future;
        }
        Promise<T> promise = Promise.promise();
        future.onComplete(ar -> {
            if (Vertx.currentContext() == context) {
                promise.handle(ar);
            } else {
                context.runOnContext(v -> promise.handle(ar));
            }
        });
        return promise.future();
    }
}
