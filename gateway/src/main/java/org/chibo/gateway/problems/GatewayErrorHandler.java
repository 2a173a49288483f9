package org.chibo.gateway.problems;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every error the gateway answers itself, as RFC 9457 {@code application/problem+json}: no route (404), a method an
 * endpoint does not take (405), a limit (413, 429), a service that is down or too slow (503, 504), and the rest. An
 * answer a service gave is not an error here: it passes through the gateway untouched, problem+json or not.
 *
 * <p>Being an {@link ErrorWebExceptionHandler}, it replaces Spring Boot's default JSON error handler.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final List<ProblemTranslator> translators;
    private final ProblemWriter writer;

    public GatewayErrorHandler(List<ProblemTranslator> translators, ProblemWriter writer) {
        this.translators = translators;
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // the service's answer has begun to flow to the client: nothing can be said any more, the connection is cut
            log.warn("{} {}: failed after the answer had begun: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), error.toString());
            return Mono.error(error);
        }
        Problem problem = problemFor(error, exchange);
        logged(problem, error, exchange);
        exchange.getResponse().getHeaders().clear(); // whatever a filter had set for a successful answer
        return writer.write(exchange, problem);
    }

    Problem problemFor(Throwable error, ServerWebExchange exchange) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProblemException known) {
                return known.problem(); // maybe wrapped by the HTTP client, when raised while streaming the body out
            }
        }
        for (ProblemTranslator translator : translators) {
            Optional<Problem> problem = translator.translate(error, exchange);
            if (problem.isPresent()) {
                return problem.get();
            }
        }
        if (error instanceof ResponseStatusException status) {
            return forStatus(status, exchange);
        }
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the gateway could not handle the request; it has been logged");
    }

    /** Errors Spring raises with a status: no handler (404), a method or media type an endpoint does not take, ... */
    private static Problem forStatus(ResponseStatusException error, ServerWebExchange exchange) {
        HttpStatusCode status = error.getStatusCode();
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        Problem problem = switch (status.value()) {
            case 404 -> Problem.of(status, "not-found", "Not found", "no route for " + path);
            case 405 -> Problem.of(status, "method-not-allowed", "Method not allowed",
                    method + " is not allowed on " + path + allowed(error.getHeaders()));
            default -> Problem.of(status, slug(status), title(status),
                    status.is4xxClientError() && error.getReason() != null ? error.getReason() : title(status));
        };
        for (var header : error.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                problem = problem.withHeader(header.getKey(), value);
            }
        }
        return problem;
    }

    private static String allowed(HttpHeaders headers) {
        return headers.getAllow().isEmpty() ? "" : "; allowed: " + String.join(", ",
                headers.getAllow().stream().map(m -> m.name()).sorted().toList());
    }

    /** {@code unsupported-media-type} for 415, like the services' own slugs. */
    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }

    private static void logged(Problem problem, Throwable error, ServerWebExchange exchange) {
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
        if (problem.status().value() == 500) {
            log.error("{}: unexpected failure", request, error);
        } else if (problem.status().is5xxServerError()) {
            log.warn("{}: {} ({})", request, problem.detail(), error.toString());
        } else {
            log.debug("{}: {} {}", request, problem.status().value(), problem.detail());
        }
    }
}
