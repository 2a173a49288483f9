package org.chibo.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * The gateway's token check, the reactive twin of the services' (chassis {@code ChassisSecurity.jwtDecoder}): RS256
 * signature, expiry (a minute of clock skew), issuer and, if configured, audience. Keys come from the key set, a fixed
 * public key, or the issuer's discovery document, in that order of preference, and are fetched on the first token to
 * check, never at start: the gateway may start before its identity provider. While they cannot be fetched, a token
 * is answered 503 ({@link IdentityProviderUnavailableException}), not 401: the caller is not at fault.
 */
final class JwtDecoders {

    private JwtDecoders() {
    }

    static ReactiveJwtDecoder of(SecuritySettings settings) {
        ReactiveJwtDecoder decoder = checking(settings);
        return token -> decoder.decode(token).onErrorMap(JwtDecoders::isIdentityProviderUnreachable,
                IdentityProviderUnavailableException::new);
    }

    /**
     * The keys or the discovery document could not be fetched: a connection or HTTP error on the way to the identity
     * provider (the key set's client wraps it in an IllegalStateException, discovery in a
     * JwtDecoderInitializationException). Anything about the token itself is a {@link BadJwtException}: 401.
     */
    static boolean isIdentityProviderUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BadJwtException) {
                return false;
            }
            if (t instanceof IOException || t instanceof WebClientException || t instanceof JwtDecoderInitializationException) {
                return true;
            }
        }
        return false;
    }

    private static ReactiveJwtDecoder checking(SecuritySettings settings) {
        if (!StringUtils.hasText(settings.issuer())) {
            throw new IllegalStateException("chibo.security.issuer is not set: the gateway needs the issuer whose tokens it accepts");
        }
        OAuth2TokenValidator<Jwt> validator = validator(settings);
        if (StringUtils.hasText(settings.jwkSetUri())) {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (settings.publicKey() != null) {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(settings)).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        return new SupplierReactiveJwtDecoder(() -> {
            // discovery: one blocking request to the issuer, made (and retried after a failure) on the first token
            NimbusReactiveJwtDecoder decoder = (NimbusReactiveJwtDecoder)
                    org.springframework.security.oauth2.jwt.ReactiveJwtDecoders.fromIssuerLocation(settings.issuer());
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    private static OAuth2TokenValidator<Jwt> validator(SecuritySettings settings) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(JwtValidators.createDefaultWithIssuer(settings.issuer()));
        if (StringUtils.hasText(settings.audience())) {
            checks.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(settings.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(checks);
    }

    private static RSAPublicKey readPublicKey(SecuritySettings settings) {
        try (InputStream in = settings.publicKey().getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("chibo.security.public-key " + settings.publicKey()
                    + " is not a readable RSA public key (PEM)", e);
        }
    }
}
