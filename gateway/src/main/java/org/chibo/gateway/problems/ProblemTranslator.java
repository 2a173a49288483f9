package org.chibo.gateway.problems;

import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;

/**
 * Turns the errors of one concern (e.g. a service that does not answer) into a problem. Every translator bean is asked,
 * in order, before the generic rules of {@link GatewayErrorHandler}; the first answer wins.
 */
public interface ProblemTranslator {

    Optional<Problem> translate(Throwable error, ServerWebExchange exchange);
}
