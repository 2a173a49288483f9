package org.chibo.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one door: routes /api/v1/... to the service that owns it. Routes and their settings are in application.yml; the
 * packages hold what the gateway does besides routing: {@code security} (a valid token on every /api request),
 * {@code problems} (its own errors as problem+json), {@code resilience} (services down or slow), {@code limits} (rate
 * and request body limits) and {@code openapi} (the services' descriptions under one Swagger UI).
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
