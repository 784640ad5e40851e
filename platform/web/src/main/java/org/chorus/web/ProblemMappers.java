package org.chorus.web;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every exception that reaches the REST layer into application/problem+json.
 * Expected failures keep their status; anything unexpected becomes a bare 500 whose body
 * names no class, message or stack (those go to the log, with the request's id).
 */
public class ProblemMappers {

    /** PostgreSQL's serialization_failure, deadlock_detected, lock_not_available */
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01", "55P03");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(FieldPaths.of(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400,
                "The request has " + errors.size() + " invalid field(s)", errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonParseException e) {
        return respond(Problem.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON"));
    }

    @ServerExceptionMapper
    public Response beyondLimits(StreamConstraintsException e) {
        return respond(Problem.of(400, "json-limits", "JSON beyond limits",
                "The request body is nested too deep or holds a value too long"));
    }

    @ServerExceptionMapper
    public Response forbiddenCharacter(ForbiddenCharacterException e) {
        String field = FieldPaths.of(e);
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400,
                "The request has 1 invalid field(s)", List.of(new Problem.FieldError(
                        field.isEmpty() ? "body" : field, "must not contain a NUL character"))));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400,
                "The request has an unknown field", List.of(
                        new Problem.FieldError(FieldPaths.of(e), "unknown field"))));
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        return mismatched(e);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = FieldPaths.of(e);
        if (field.isEmpty()) {
            return respond(Problem.of(400, "malformed-json", "Malformed JSON",
                    "The request body does not have the expected shape"));
        }
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400,
                "The request has 1 invalid field(s)", List.of(new Problem.FieldError(field, "has the wrong type"))));
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e) {
        return respond(Problem.of(400, "malformed-json", "Malformed JSON",
                "The request body does not have the expected shape"));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "You may not do this"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof StreamConstraintsException limits) {
            return beyondLimits(limits);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException) {
            // Quarkus REST wraps a body it cannot parse (cut short, a key twice, not UTF-8) in a plain 400
            return unreadable(null);
        }
        if (status >= 500) {
            Log.errorf(e, "Request failed with %d", status);
            return respond(Problem.of(status, "internal", "Internal error", "Something went wrong on our side"));
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info != null ? info.getReasonPhrase() : "Request failed";
        Response.ResponseBuilder response = problemResponse(Problem.of(status,
                title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, title));
        // keep headers such as Allow (405) or Retry-After (429, 503) that the original carried
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (collidedWithAConcurrentChange(e)) {
            Log.warnf("Request collided with a concurrent transaction: %s", e.getMessage());
            return problemResponse(Problem.of(503, "concurrent-change", "Concurrent change",
                    "The request collided with a concurrent change and was not applied; send it again"))
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .build();
        }
        Log.error("Unexpected error while handling a request", e);
        return respond(Problem.of(500, "internal", "Internal error", "Something went wrong on our side"));
    }

    /**
     * PostgreSQL gave up on the transaction because of another one (deadlock, serialization
     * failure, lock wait ended): nothing was written, and the same request is expected to
     * succeed when sent again — the client's problem to retry, not a server fault.
     */
    static boolean collidedWithAConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && RETRYABLE_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Response unauthorized() {
        return problemResponse(Problem.of(401, "unauthorized", "Unauthorized",
                "A valid access token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    static Response respond(Problem problem) {
        return problemResponse(problem).build();
    }

    private static Response.ResponseBuilder problemResponse(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** Used by services that check a violation by hand and want the same shape. */
    public static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        return new Problem.FieldError(FieldPaths.of(violation.getPropertyPath()), violation.getMessage());
    }
}
