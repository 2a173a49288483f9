package org.chibo.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The request body limit of the route (metadata {@code max-request-body}, else {@code chibo.gateway.limits
 * .max-request-body}): 413 problem+json before anything is sent on when the declared {@code Content-Length} is over it;
 * a body of undeclared length (chunked) is counted as it streams through and cut off with the same 413 once over it.
 * Nothing is buffered: the body still streams to the service.
 */
@Component
class RequestBodyLimitFilter implements GlobalFilter, Ordered {

    /** After the rate limit, before the routes' own filters. */
    static final int ORDER = PerUserRateLimitFilter.ORDER + 10;

    private final LimitsProperties limits;

    RequestBodyLimitFilter(LimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        DataSize limit = limitOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return Mono.error(new RequestBodyTooLargeException(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange); // the server reads no more than the declared length
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limited(super.getBody(), limit);
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    static Flux<DataBuffer> limited(Flux<DataBuffer> body, DataSize limit) {
        return Flux.defer(() -> {
            AtomicLong seen = new AtomicLong();
            return body.handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                    DataBufferUtils.release(buffer);
                    sink.error(new RequestBodyTooLargeException(limit));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }

    private DataSize limitOf(Route route) {
        Object own = route == null ? null : route.getMetadata().get("max-request-body");
        return own == null ? limits.maxRequestBody() : DataSize.parse(own.toString());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
