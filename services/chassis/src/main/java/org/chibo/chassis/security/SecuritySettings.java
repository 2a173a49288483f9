package org.chibo.chassis.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Which issuer's tokens a service accepts and where their claims are; {@code chibo.security.*} in application.yml.
 *
 * @param issuer          the {@code iss} every token must carry (required); also where discovery starts when no key
 *                        source below is given ({@code <issuer>/.well-known/openid-configuration})
 * @param jwkSetUri       the issuer's JSON Web Key Set, fetched on the first request and cached (so a service starts
 *                        before its identity provider)
 * @param publicKey       a fixed RSA public key (PEM) instead of a key set, for offline and test setups
 * @param audience        when set, tokens must name it in {@code aud}
 * @param claims          where roles, organisation and member id are in the token
 * @param queryTokenPaths paths (each with what lies below it) that also take the token as {@code ?access_token=}: browsers' EventSource
 *                        cannot send an Authorization header
 */
@ConfigurationProperties("chibo.security")
public record SecuritySettings(String issuer, String jwkSetUri, Resource publicKey, String audience, Claims claims,
                               List<String> queryTokenPaths) {

    public SecuritySettings {
        claims = claims == null ? new Claims(null, null, null) : claims;
        queryTokenPaths = queryTokenPaths == null ? List.of() : List.copyOf(queryTokenPaths);
    }

    /** Whether a request to {@code uri} may carry its token as {@code ?access_token=}: a listed path or one below it. */
    public boolean takesQueryToken(String uri) {
        return queryTokenPaths.stream().anyMatch(p -> uri.equals(p) || uri.startsWith(p.endsWith("/") ? p : p + "/"));
    }

    /**
     * Claim names; a dotted name reaches into an object, e.g. Keycloak's {@code realm_access.roles}.
     *
     * @param roles        a list of role names, or one space-separated string (default {@code roles})
     * @param organisation the organisation id the roles are bound to (default {@code org})
     * @param member       the caller's member id, if they are a member (default {@code member_id})
     */
    public record Claims(String roles, String organisation, String member) {
        public Claims {
            roles = roles == null ? "roles" : roles;
            organisation = organisation == null ? "org" : organisation;
            member = member == null ? "member_id" : member;
        }
    }
}
