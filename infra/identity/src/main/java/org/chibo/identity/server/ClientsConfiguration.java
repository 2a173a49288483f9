package org.chibo.identity.server;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chibo.identity.IdentityProperties;
import org.chibo.identity.password.PasswordGrant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The two public clients (no secret): {@code chibo-console}, a browser app (authorization code with PKCE), and
 * {@code chibo-cli}, scripts and curl (the password grant, registered only when it is enabled).
 */
@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    static final String CONSOLE = "chibo-console";
    static final String CLI = "chibo-cli";

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build();
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(CONSOLE.getBytes()).toString())
                .clientId(CONSOLE)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(properties.console().redirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build());
        if (properties.passwordGrant().enabled()) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(CLI.getBytes()).toString())
                    .clientId(CLI)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(PasswordGrant.TYPE)
                    .tokenSettings(tokens)
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }
}
