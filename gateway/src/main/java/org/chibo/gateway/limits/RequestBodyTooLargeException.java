package org.chibo.gateway.limits;

import java.util.List;
import java.util.Map;

import org.chibo.gateway.problems.Problem;
import org.chibo.gateway.problems.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * A request body over the route's limit: 413, naming the body as the field at fault like the services' problems do.
 * Public: the circuit breakers ignore it by name (application.yml), a refused body says nothing of a service's health.
 */
public class RequestBodyTooLargeException extends ProblemException {

    private final DataSize limit;

    public RequestBodyTooLargeException(DataSize limit) {
        super("request body over " + readable(limit));
        this.limit = limit;
    }

    @Override
    public Problem problem() {
        String message = "the request body is larger than the " + readable(limit) + " accepted here";
        return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large", message)
                .withExtension("errors", List.of(Map.of("field", "body", "message", message)));
    }

    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
