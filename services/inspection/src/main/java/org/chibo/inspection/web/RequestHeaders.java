package org.chibo.inspection.web;

import java.net.URI;
import java.util.List;

import org.chibo.chassis.web.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The caller's identity as a request header. Until identity arrives (issue 7) a change names who makes it in
 * {@code X-ChiBo-User}, trusted as given; then it comes from the verified token and only this class changes.
 */
public final class RequestHeaders {

    public static final String USER = "X-ChiBo-User";
    private static final int MAX_USER = 128;

    private RequestHeaders() {
    }

    /** The acting user, or a 400 problem naming the header (Spring names a missing header only in prose). */
    public static String actingUser(String header) {
        if (header == null || header.isBlank()) {
            throw missing(USER, "a change needs to know who makes it: send the " + USER + " header");
        }
        if (header.strip().length() > MAX_USER) {
            throw missing(USER, USER + " is longer than " + MAX_USER + " characters");
        }
        return header.strip();
    }

    private static ErrorResponseException missing(String field, String message) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        p.setType(URI.create("https://chibo.org/problems/validation"));
        p.setTitle("Invalid request");
        p.setProperty("errors", List.of(new ProblemDetailsAdvice.FieldProblem(field, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, p, null);
    }
}
