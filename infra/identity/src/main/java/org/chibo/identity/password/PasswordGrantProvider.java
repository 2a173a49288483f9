package org.chibo.identity.password;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Checks the user's password and issues an access token (a JWT with the ChiBo claims, from the same generator as the
 * authorization code flow). Nothing is stored: the token is self-contained, and a city's worth of member logins (the
 * check-in benchmark) would otherwise fill the heap with authorizations nobody revokes. A wrong username or password
 * is {@code invalid_grant} (400), a client not allowed this grant {@code unauthorized_client}.
 */
public final class PasswordGrantProvider implements AuthenticationProvider {

    private final AuthenticationProvider users;
    private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

    public PasswordGrantProvider(AuthenticationProvider users, OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        PasswordGrant grant = (PasswordGrant) authentication;
        OAuth2ClientAuthenticationToken client = authenticatedClient(grant);
        RegisteredClient registeredClient = client.getRegisteredClient();
        if (!registeredClient.getAuthorizationGrantTypes().contains(PasswordGrant.TYPE)) {
            throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "client " + registeredClient.getClientId()
                    + " may not use the password grant");
        }
        Authentication user = authenticateUser(grant);
        OAuth2Token generated = tokens.generate(DefaultOAuth2TokenContext.builder()
                .registeredClient(registeredClient)
                .principal(user)
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorizedScopes(registeredClient.getScopes())
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(PasswordGrant.TYPE)
                .authorizationGrant(grant)
                .build());
        if (generated == null) {
            throw error(OAuth2ErrorCodes.SERVER_ERROR, "the token generator made no access token");
        }
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                generated.getTokenValue(), generated.getIssuedAt(), generated.getExpiresAt(), registeredClient.getScopes());
        return new OAuth2AccessTokenAuthenticationToken(registeredClient, client, accessToken);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PasswordGrant.class.isAssignableFrom(authentication);
    }

    private static OAuth2ClientAuthenticationToken authenticatedClient(PasswordGrant grant) {
        if (grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()
                && client.getRegisteredClient() != null) {
            return client;
        }
        throw error(OAuth2ErrorCodes.INVALID_CLIENT, "the client is not authenticated");
    }

    private Authentication authenticateUser(PasswordGrant grant) {
        try {
            return users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(grant.username(), grant.password()));
        } catch (AuthenticationException e) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, "wrong username or password");
        }
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
