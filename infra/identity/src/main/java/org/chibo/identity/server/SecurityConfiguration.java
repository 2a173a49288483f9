package org.chibo.identity.server;

import java.util.List;

import org.chibo.identity.IdentityProperties;
import org.chibo.identity.password.PasswordGrantConverter;
import org.chibo.identity.password.PasswordGrantProvider;
import org.chibo.identity.password.PublicCliAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two filter chains: the authorization server's endpoints (OIDC discovery, key set, authorize, token, userinfo), and
 * everything else — the login form the authorization code flow sends browsers to, and the health check.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, IdentityProperties properties,
                                            RegisteredClientRepository clients, OAuth2TokenGenerator<? extends OAuth2Token> tokens,
                                            UserDetailsService users, PasswordEncoder encoder) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
            if (properties.passwordGrant().enabled()) {
                server.clientAuthentication(client -> client
                                .authenticationConverter(new PublicCliAuthentication.Converter())
                                .authenticationProvider(new PublicCliAuthentication.Provider(clients)))
                        .tokenEndpoint(token -> token
                                .accessTokenRequestConverter(new PasswordGrantConverter())
                                .authenticationProvider(new PasswordGrantProvider(userAuthentication(users, encoder), tokens)));
            }
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .cors(Customizer.withDefaults())
                // a browser that is not logged in goes to the login form; an API client gets 401
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginAndHealth(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    /** Checks a username and password for the password grant (the login form gets the same from Spring Boot). */
    private static DaoAuthenticationProvider userAuthentication(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    /** Browser apps on these origins (e.g. the gateway's API UI) may fetch tokens and the key set. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(IdentityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
