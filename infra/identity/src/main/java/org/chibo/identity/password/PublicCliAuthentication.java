package org.chibo.identity.password;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Client authentication for a public client (no secret, {@code client_id} in the form) on the password grant, as
 * Keycloak lets a public client with "direct access grants" do, so that the same curl works against both. Spring
 * Authorization Server authenticates public clients only on an authorization code request with PKCE.
 */
public final class PublicCliAuthentication {

    private static final String GRANT = "grant";

    private PublicCliAuthentication() {
    }

    /** Recognises {@code grant_type=password&client_id=…} without a secret or an Authorization header. */
    public static final class Converter implements AuthenticationConverter {
        @Override
        public Authentication convert(HttpServletRequest request) {
            String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
            if (!PasswordGrant.TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                    || clientId == null || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                return null;
            }
            return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null,
                    Map.of(GRANT, PasswordGrant.TYPE.getValue()));
        }
    }

    /** Accepts it when the client is registered as public ({@code none}). */
    public static final class Provider implements AuthenticationProvider {
        private final RegisteredClientRepository clients;

        public Provider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
            if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
                    || !PasswordGrant.TYPE.getValue().equals(request.getAdditionalParameters().get(GRANT))) {
                return null; // not ours: a PKCE request, or a confidential client
            }
            RegisteredClient client = clients.findByClientId(String.valueOf(request.getPrincipal()));
            if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                        "no public client " + request.getPrincipal(), null));
            }
            // whether it may use the password grant is the grant's question (unauthorized_client, PasswordGrantProvider)
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
