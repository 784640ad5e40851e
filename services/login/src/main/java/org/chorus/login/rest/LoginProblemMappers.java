package org.chorus.login.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.chorus.login.service.AccountSuspendedException;
import org.chorus.login.service.InvalidFieldException;
import org.chorus.login.service.ServiceBusyException;
import org.chorus.login.service.TooManyRequestsException;
import org.chorus.web.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Problems specific to login, in the same problem+json shape as everything else. */
public class LoginProblemMappers {

    @ServerExceptionMapper
    public Response busy(ServiceBusyException e) {
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()))
                .entity(Problem.of(503, "busy", "Service busy", "Too many requests at once; try again shortly"))
                .build();
    }

    /** The until-time goes into the problem as an extension member (RFC 9457 §3.2). */
    @ServerExceptionMapper
    public Response suspended(AccountSuspendedException e) {
        return Response.status(403)
                .type(Problem.MEDIA_TYPE)
                .entity(new SuspendedProblem(Problem.type("account-suspended"), "Account suspended", 403,
                        e.getMessage(), e.until()))
                .build();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SuspendedProblem(URI type, String title, int status, String detail, Instant suspendedUntil) {
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e) {
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()))
                .entity(Problem.of(429, "too-many-requests", "Too many requests",
                        "Too many attempts; try again after the time in Retry-After"))
                .build();
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return Response.status(400)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("validation"), "Invalid request", 400,
                        "The request has 1 invalid field(s)",
                        List.of(new Problem.FieldError(e.field(), e.getMessage()))))
                .build();
    }
}
