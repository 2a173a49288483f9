package org.chibo.identity.token;

import org.chibo.identity.accounts.DemoAccount;
import org.chibo.identity.accounts.DemoAccounts;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts who the caller is into every access token, in the claims the services read (services/chassis README,
 * "Security"): {@code roles}, {@code org} (the organisation whose subtree the roles cover), {@code member_id} (a
 * member's own record) and {@code name}. ID tokens get the name only.
 */
public final class ChiboClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String ROLES = "roles";
    public static final String ORGANISATION = "org";
    public static final String MEMBER = "member_id";
    public static final String NAME = "name";

    private final DemoAccounts accounts;

    public ChiboClaims(DemoAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        DemoAccount account = accounts.find(context.getPrincipal().getName()).orElse(null);
        if (account == null) {
            return; // a client acting for itself: no user, no roles
        }
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (accessToken) {
            context.getClaims().claim(ROLES, account.roles()).claim(ORGANISATION, account.organisationId());
            if (account.memberId() != null) {
                context.getClaims().claim(MEMBER, account.memberId());
            }
        }
        if (accessToken || idToken) {
            context.getClaims().claim(NAME, account.name());
        }
    }
}
