package uk.dsltriage.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.dsltriage.common.CorrelationId;
import uk.dsltriage.common.FailureChain;

/**
 * The one place where exceptions become RFC 9457 responses. Nothing submitted by the client is echoed: field errors
 * name paths, never values.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        return respond(Problem.of(e.type(), e.getMessage(), CorrelationId.of(request)).withErrors(e.errors()));
    }

    @ServerExceptionMapper
    public Response imageRefused(ImageContentRefusedException e, ContainerRequestContext request) {
        return respond(Problem.of(ProblemType.IMAGE_CONTENT_REFUSED, e.getMessage(), CorrelationId.of(request))
                .withErrors(List.of(new Problem.FieldError(e.fieldPath(), e.reasonText())))
                .withGuidance(ImageContentRefusedException.GUIDANCE));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(FieldPaths.of(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .distinct()
                .toList();
        return respond(Problem.of(ProblemType.VALIDATION_FAILED, "One or more fields are not valid.",
                CorrelationId.of(request)).withErrors(errors));
    }

    /** Quarkus wraps REST parameter violations in its own subtype, which has a built-in (non-RFC 9457) mapper. */
    @ServerExceptionMapper
    public Response restViolation(io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e,
            ContainerRequestContext request) {
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"));
        return returnValue ? internal(e, request) : constraintViolation(e, request);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, ContainerRequestContext request) {
        return internal(e, request);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, ContainerRequestContext request) {
        return respond(Problem.of(ProblemType.UNKNOWN_FIELD,
                "Remove fields this endpoint does not accept; server-owned fields cannot be set by clients.",
                CorrelationId.of(request)).withErrors(List.of(new Problem.FieldError(FieldPaths.of(e), "unknown field"))));
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, ContainerRequestContext request) {
        String path = FieldPaths.of(e);
        Problem problem = Problem.of(ProblemType.MALFORMED_BODY,
                "The body could not be read as the expected JSON shape.", CorrelationId.of(request));
        if (!path.isEmpty()) {
            problem = problem.withErrors(List.of(new Problem.FieldError(path, expected(e))));
        }
        return respond(problem);
    }

    /** What the field takes: for an enum, its allowed values (ours, never the client's). */
    private static String expected(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                && mismatch.getTargetType() != null && mismatch.getTargetType().isEnum()) {
            return AllowedValues.of(mismatch.getTargetType());
        }
        return "wrong type or value";
    }

    /** quarkus-rest-jackson maps this subtype itself, with a body that echoes input; take it over. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, ContainerRequestContext request) {
        return mapping(e, request);
    }

    @ServerExceptionMapper
    public Response parsing(JsonProcessingException e, ContainerRequestContext request) {
        return respond(Problem.of(ProblemType.MALFORMED_BODY, "The body is not well-formed JSON.", CorrelationId.of(request)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, ContainerRequestContext request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this operation.", CorrelationId.of(request)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request, ResourceInfo resource) {
        String id = CorrelationId.of(request);
        if (e instanceof NotFoundException) {
            Optional<Problem.FieldError> malformed = e.getCause() == null ? Optional.empty()
                    : MalformedQueryParameter.of(matched(resource), request.getUriInfo().getQueryParameters());
            if (malformed.isPresent()) {
                return respond(Problem.of(ProblemType.VALIDATION_FAILED, "A query parameter is not valid.", id)
                        .withErrors(List.of(malformed.get())));
            }
            return respond(Problem.of(ProblemType.NOT_FOUND, "No such resource.", id));
        }
        if (e instanceof NotAllowedException) {
            return respond(Problem.of(ProblemType.METHOD_NOT_ALLOWED, "This method is not allowed here.", id));
        }
        if (e instanceof NotSupportedException) {
            return respond(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send application/json. Files, images and forms are never accepted.", id));
        }
        if (e instanceof NotAcceptableException) {
            return respond(Problem.of(ProblemType.NOT_ACCEPTABLE, "This endpoint produces application/json.", id));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 413) {
            return respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.", id));
        }
        if (status >= 400 && status < 500) {
            Throwable cause = e.getCause();
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return unknownField(unknown, request);
            }
            if (cause instanceof JsonMappingException mapping) {
                return mapping(mapping, request);
            }
            if (cause instanceof JsonProcessingException parsing) {
                return parsing(parsing, request);
            }
            return respond(Problem.of(ProblemType.VALIDATION_FAILED, "The request is not valid.", id));
        }
        return internal(e, request);
    }

    /** The endpoint method the request matched, or null when none did. */
    private static Method matched(ResourceInfo resource) {
        try {
            return resource == null ? null : resource.getResourceMethod();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response internal(Throwable e, ContainerRequestContext request) {
        String id = CorrelationId.of(request);
        if (ClientWentAway.in(e)) {
            // The client closed the connection before its body was read (a client timeout): nothing was processed and
            // nobody receives this answer. Not a fault of the service, so no error line.
            LOG.infof("Client closed the connection before the request was read [correlationId=%s]", id);
            return respond(Problem.of(ProblemType.MALFORMED_BODY, "The request body was not received in full.", id));
        }
        if (DatabaseUnavailable.in(e)) {
            // Expected while the database is down or restarting: one line, no frames; the client retries.
            boolean atCommit = DatabaseUnavailable.atCommit(e);
            LOG.warnf("Database unavailable%s [correlationId=%s]%s", atCommit ? " during the commit" : "", id, sqlState(e));
            Problem problem = atCommit
                    ? Problem.of(ProblemType.COMMIT_OUTCOME_UNKNOWN, "Retry shortly with the same Idempotency-Key: a write "
                            + "that was recorded is answered as it was the first time, one that was not is recorded once.", id)
                    : Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                            "Nothing was recorded. Retry shortly; send the same Idempotency-Key to retry a write safely.", id);
            return Response.fromResponse(respond(problem))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .build();
        }
        // Exception messages can carry submitted values (SQL details, parser excerpts): log the type and frames only.
        LOG.errorf("Unexpected %s [correlationId=%s]%s at %s", e.getClass().getName(), id, sqlState(e), topFrames(e));
        return respond(Problem.of(ProblemType.INTERNAL_ERROR,
                "Unexpected error. Quote the instance id when you report it.", id));
    }

    private Response unauthenticated(ContainerRequestContext request) {
        return Response.fromResponse(respond(Problem.of(ProblemType.UNAUTHENTICATED,
                        "Send a valid bearer access token from the dsl-triage realm.", CorrelationId.of(request))))
                .header("WWW-Authenticate", "Bearer realm=\"dsl-triage\"")
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A database failure is identified by its SQLState alone: PostgreSQL's message quotes keys and row data. */
    private static String sqlState(Throwable e) {
        for (Throwable t : FailureChain.of(e)) {
            if (t instanceof java.sql.SQLException sql) {
                return " sqlState=" + sql.getSQLState();
            }
        }
        return "";
    }

    /** The failure and what it carries (causes, and what the transaction manager suppressed at commit), top frame each. */
    private static String topFrames(Throwable e) {
        StringBuilder frames = new StringBuilder();
        for (Throwable current : FailureChain.of(e).stream().limit(6).toList()) {
            StackTraceElement[] trace = current.getStackTrace();
            frames.append(current.getClass().getSimpleName());
            if (trace.length > 0) {
                frames.append('@').append(trace[0]);
            }
            frames.append(" <- ");
        }
        return frames.toString();
    }

    /** Helper kept static so it can be unit-tested. */
    static final class FieldPaths {
        private FieldPaths() {
        }

        static String of(ConstraintViolation<?> violation) {
            String raw = violation.getPropertyPath().toString();
            // Drop the "method.arg0" prefix of parameter validation: clients know the body, not our method names.
            String[] parts = raw.split("\\.", 3);
            if (parts.length == 3) {
                return parts[2];
            }
            return parts.length == 2 ? parts[1] : raw;
        }

        static String of(JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    if (path.length() > 0) {
                        path.append('.');
                    }
                    path.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
    }
}
