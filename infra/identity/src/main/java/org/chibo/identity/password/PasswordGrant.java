package org.chibo.identity.password;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/**
 * A token request with the resource-owner password grant ({@code grant_type=password}, RFC 6749 §4.3): the user's own
 * username and password, sent by a client the user trusts with them. OAuth 2.1 drops this grant and Spring
 * Authorization Server does not offer it; it is here only so that scripts and the README's curl can get a demo token
 * in one line, and is off unless {@code chibo.identity.password-grant.enabled=true}.
 */
public final class PasswordGrant extends OAuth2AuthorizationGrantAuthenticationToken {

    public static final AuthorizationGrantType TYPE = new AuthorizationGrantType("password");

    private final String username;
    private final String password;

    PasswordGrant(Authentication client, String username, String password) {
        super(TYPE, client, Map.of());
        this.username = username;
        this.password = password;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }
}
