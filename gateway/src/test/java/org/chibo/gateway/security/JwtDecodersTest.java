package org.chibo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.chibo.gateway.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class JwtDecodersTest {

    private static final ClassPathResource KEY = new ClassPathResource("security/test-issuer.pub");

    @Test
    void withAnAudienceConfiguredATokenMustNameIt() {
        ReactiveJwtDecoder decoder = JwtDecoders.of(new SecuritySettings(TestTokens.ISSUER, "", KEY, "chibo", List.of()));

        assertThat(decoder.decode(TestTokens.as("u").audience("chibo", "other").sign()).block().getSubject()).isEqualTo("u");
        assertThatThrownBy(() -> decoder.decode(TestTokens.as("u").audience("other").sign()).block())
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.issue("u")).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void withoutOneAnyAudienceDoes() {
        ReactiveJwtDecoder decoder = JwtDecoders.of(new SecuritySettings(TestTokens.ISSUER, null, KEY, null, List.of()));

        assertThat(decoder.decode(TestTokens.issue("u")).block().getSubject()).isEqualTo("u");
    }

    @Test
    void anIssuerIsRequiredAndAKeyMustBeReadable() {
        assertThatThrownBy(() -> JwtDecoders.of(new SecuritySettings(" ", null, KEY, null, List.of())))
                .hasMessageContaining("chibo.security.issuer is not set");
        assertThatThrownBy(() -> JwtDecoders.of(new SecuritySettings(TestTokens.ISSUER, null,
                new ClassPathResource("security/nothing-here.pub"), null, List.of())))
                .hasMessageContaining("is not a readable RSA public key");
    }

    @Test
    void withNeitherKeySetNorKeyTheIssuerIsAskedOnlyWhenATokenComes() {
        // nothing listens there: building the decoder must not fail, the gateway starts before its identity provider
        ReactiveJwtDecoder decoder = JwtDecoders.of(new SecuritySettings("http://127.0.0.1:1", null, null, null, List.of()));

        // and while it cannot be reached, a token is not the caller's fault: 503, not 401
        assertThatThrownBy(() -> decoder.decode(TestTokens.issue("u")).block())
                .isInstanceOf(IdentityProviderUnavailableException.class)
                .hasMessageContaining("the identity provider's keys could not be fetched");
    }
}
