package org.chibo.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Which issuer's tokens the gateway accepts: {@code chibo.security.*}, the same names and environment variables as the
 * services' (chassis {@code SecuritySettings}), so one setting serves the whole platform. The claims the services read
 * (roles, organisation, member) are no business of the gateway's: it only checks that the caller is somebody.
 *
 * @param issuer          the {@code iss} every token must carry (required); also where discovery starts when no key
 *                        source below is given ({@code <issuer>/.well-known/openid-configuration})
 * @param jwkSetUri       the issuer's JSON Web Key Set, fetched on the first request that carries a token and cached
 *                        (so the gateway starts before its identity provider); wins over {@code publicKey}, as in the
 *                        services
 * @param publicKey       a fixed RSA public key (PEM) instead of a key set, for offline and test setups
 * @param audience        when set, tokens must name it in {@code aud}
 * @param queryTokenPaths paths (each with everything under it) that also take the token as {@code ?access_token=} on a
 *                        GET: browsers' EventSource cannot send an Authorization header
 */
@ConfigurationProperties("chibo.security")
public record SecuritySettings(String issuer, String jwkSetUri, Resource publicKey, String audience,
                               List<String> queryTokenPaths) {

    public SecuritySettings {
        queryTokenPaths = queryTokenPaths == null ? List.of() : List.copyOf(queryTokenPaths);
    }
}
