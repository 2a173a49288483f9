package org.chibo.chassis.web;

import java.net.URI;
import java.util.Arrays;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 400 naming a request header or query parameter that is missing or unusable, in the shape the chassis gives a body
 * field ({@code validation}, {@code errors[].field}); Spring's own answer for a missing header names it only in prose.
 */
public class BadRequestException extends ErrorResponseException {

    public BadRequestException(String message, String... names) {
        super(HttpStatus.BAD_REQUEST, problem(message, names), null);
    }

    private static ProblemDetail problem(String message, String... names) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        p.setType(URI.create("https://chibo.org/problems/validation"));
        p.setTitle("Invalid request");
        p.setProperty("errors", Arrays.stream(names).map(n -> new ProblemDetailsAdvice.FieldProblem(n, message)).toList());
        return p;
    }
}
