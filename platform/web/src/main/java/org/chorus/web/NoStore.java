package org.chorus.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a resource method (or class) whose answers carry a secret — an access or refresh token, an API
 * secret, a second-factor secret or recovery codes: {@link NoStoreFilter} adds {@code Cache-Control: no-store}
 * and {@code Pragma: no-cache} (RFC 6749 §5.1) so no browser or proxy keeps a copy.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface NoStore {
}
