package org.chorus.web;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail: the body of every error Chorus answers with.
 *
 * @param type   stable identifier of the kind of problem, for programs to switch on
 * @param title  short human summary of that kind, the same for every occurrence
 * @param status the HTTP status code, repeated for clients that only see the body
 * @param detail what went wrong this time, safe to show to the caller
 * @param errors field errors, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://chorus.dev/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(type(slug), title, status, detail, List.of());
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** One rejected input field: where it is (dotted path in the request) and why. */
    public record FieldError(String field, String message) {}
}
