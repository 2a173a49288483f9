package org.chibo.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one door: routes /api/v1/... to the service that owns it. Routes and their settings are in application.yml; the
 * packages hold what the gateway does besides routing: {@code problems} (its own errors as problem+json),
 * {@code resilience} (services down or slow) and {@code limits} (rate and request body limits).
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
