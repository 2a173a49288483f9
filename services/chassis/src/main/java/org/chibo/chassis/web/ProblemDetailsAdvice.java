package org.chibo.chassis.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 problem+json for every error. Bad input is a 4xx that names the field at fault ({@code errors[].field});
 * an unexpected failure is a 500 that says nothing about internals and is logged with its stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE_BASE = "https://chibo.org/problems/";

    private final org.chibo.chassis.security.AccessLog accessLog;

    public ProblemDetailsAdvice(org.springframework.beans.factory.ObjectProvider<org.chibo.chassis.security.AccessLog> accessLog) {
        this.accessLog = accessLog.getIfAvailable();
    }

    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", "A field breaks a rule", e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    /** A valid token asking outside its roles or subtree: 403, and the refusal is logged and counted. */
    @ExceptionHandler(org.chibo.chassis.security.AccessRefusedException.class)
    ProblemDetail refused(org.chibo.chassis.security.AccessRefusedException e, jakarta.servlet.http.HttpServletRequest request) {
        if (accessLog != null) {
            accessLog.refused(e, request);
        }
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage(), List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflicts with the current state", e.getMessage(),
                e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "duplicate", "Already exists", "a record with the same unique value already exists", List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed meanwhile",
                "the record was changed by someone else meanwhile; reload and try again", List.of());
    }

    /** A constraint on a request parameter or path variable (e.g. {@code year} out of range). */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request could not be completed; it has been logged", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        JacksonException cause = jacksonCause(ex);
        ProblemDetail body;
        if (cause instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            body = problem(HttpStatus.BAD_REQUEST, "unknown-field", "Unknown field",
                    "field '" + field + "' is not part of this request", List.of(new FieldProblem(field, "unknown field")));
        } else if (cause != null && !cause.getPath().isEmpty()) {
            String field = path(cause);
            body = problem(HttpStatus.BAD_REQUEST, "unreadable-field", "Unreadable field",
                    "field '" + field + "' has a value of the wrong type or format",
                    List.of(new FieldProblem(field, cause.getOriginalMessage())));
        } else {
            body = problem(HttpStatus.BAD_REQUEST, "unreadable", "Unreadable request body",
                    "the body is not valid JSON for this request", List.of());
        }
        return ResponseEntity.badRequest().body(body);
    }

    /** A path or query parameter that does not convert, e.g. {@code ?asOf=yesterday} for a date: 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "unreadable-field", "Unreadable field",
                "parameter '" + name + "' has a value of the wrong type or format",
                List.of(new FieldProblem(name, "'" + ex.getValue() + "' is not a valid " + expected))));
    }

    /** A required query parameter left out, e.g. {@code ?year=} missing: 400 naming it, like any other field. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(ex.getParameterName(), "required"))));
    }

    /** The outermost Jackson exception: it knows the JSON path; the causes under it (a date parser, say) do not. */
    private static JacksonException jacksonCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                return j;
            }
        }
        return null;
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    /** A dotted JSON path with indexes, e.g. {@code attendance[2].status}. */
    public static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** 400 listing the fields at fault, each once, in the detail, and every problem in {@code errors}. */
    private static ProblemDetail invalid(List<FieldProblem> errors) {
        return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ", "invalid: ", "")), errors);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(title);
        if (!errors.isEmpty()) {
            p.setProperties(Map.of("errors", errors));
        }
        return p;
    }
}
