package org.chibo.chassis.security;

import java.io.IOException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server: each request but health, metrics and the API description carries a
 * JWT from the configured issuer, checked here again whatever the gateway checked. What the token allows on an object
 * (role and subtree) is checked where the object is known, through {@link Caller}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class ChassisSecurity {

    /** Open without a token: probes, the Prometheus scrape and the OpenAPI description (no data in any of them). */
    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/error"};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    AccessLog accessLog(MeterRegistry meters) {
        return new AccessLog(meters);
    }

    @Bean
    CallerResolver callerResolver(SecuritySettings settings) {
        return new CallerResolver(settings.claims());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder jwtDecoder, SecuritySettings settings, AccessLog accessLog) throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated(accessLog);
        AccessDeniedHandler denied = denied();
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // an SSE stream's later dispatches and error pages were already authorised on the first dispatch
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(jwtDecoder))
                        .bearerTokenResolver(tokenResolver(settings))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        return http.build();
    }

    /**
     * Signature, expiry (with a minute of clock skew), issuer and, if configured, audience. Keys come from the key
     * set, a fixed public key, or the issuer's discovery document, in that order of preference; fetched lazily.
     */
    @Bean
    JwtDecoder jwtDecoder(SecuritySettings settings) {
        if (!StringUtils.hasText(settings.issuer())) {
            throw new IllegalStateException("chibo.security.issuer is not set: every service needs the issuer whose tokens it accepts");
        }
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(JwtValidators.createDefaultWithIssuer(settings.issuer()));
        if (StringUtils.hasText(settings.audience())) {
            checks.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(settings.audience())));
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(checks);
        if (StringUtils.hasText(settings.jwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (settings.publicKey() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(settings)).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(settings.issuer());
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    private static RSAPublicKey readPublicKey(SecuritySettings settings) {
        try (var in = settings.publicKey().getInputStream()) {
            String pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("chibo.security.public-key " + settings.publicKey() + " is not a readable RSA public key (PEM)", e);
        }
    }

    private static BearerTokenResolver tokenResolver(SecuritySettings settings) {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
        headerOrQuery.setAllowUriQueryParameter(true);
        return request -> settings.takesQueryToken(request.getRequestURI()) ? headerOrQuery.resolve(request) : header.resolve(request);
    }

    /** 401 with {@code WWW-Authenticate} (RFC 6750) and a problem body saying what was wrong with the token. */
    private static AuthenticationEntryPoint unauthenticated(AccessLog accessLog) {
        BearerTokenAuthenticationEntryPoint standard = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            String why = request.getHeader("Authorization") == null && request.getParameter("access_token") == null
                    ? "no bearer token" : e.getMessage();
            accessLog.unauthenticated(why, request);
            standard.commence(request, response, e);
            writeProblem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                    why + "; send 'Authorization: Bearer <token>' from the configured issuer");
        };
    }

    private static AccessDeniedHandler denied() {
        BearerTokenAccessDeniedHandler standard = new BearerTokenAccessDeniedHandler();
        return (request, response, e) -> {
            standard.handle(request, response, e);
            writeProblem(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage());
        };
    }

    static void writeProblem(HttpServletResponse response, HttpStatus status, String type, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://chibo.org/problems/" + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
