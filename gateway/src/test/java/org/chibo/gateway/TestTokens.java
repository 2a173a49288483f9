package org.chibo.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signed JWTs for the gateway's tests, as the identity provider issues them: RS256 with the test issuer's key
 * ({@code security/test-issuer.key}, made with openssl for these tests), whose public half every test context trusts
 * ({@code config/application.yml} in the test resources). The gateway's own copy of the chassis' test tokens: the
 * chassis test-jar would bring Spring MVC onto a WebFlux gateway's class path.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.chibo.local";
    private static final PrivateKey KEY = readKey("/security/test-issuer.key");

    private TestTokens() {
    }

    /** A token for {@code subject}, valid for an hour. */
    public static String issue(String subject) {
        return as(subject).sign();
    }

    public static Builder as(String subject) {
        return new Builder(subject);
    }

    public static final class Builder {
        private final String subject;
        private String issuer = ISSUER;
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        private List<String> audience = List.of();
        private PrivateKey key = KEY;

        private Builder(String subject) {
            this.subject = subject;
        }

        public Builder issuedBy(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /** Signed with a key nobody trusts, as a forged token would be. */
        public Builder forged() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                this.key = generator.generateKeyPair().getPrivate();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                    .issueTime(Date.from(expiresAt.minus(Duration.ofHours(1)))).expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString()) // two tokens of one user differ
                    .claim("roles", List.of("MEMBER")).claim("org", "org-test");
            if (!audience.isEmpty()) {
                claims.audience(audience);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims.build());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }

    private static PrivateKey readKey(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException | NullPointerException e) {
            throw new IllegalStateException("test issuer key " + resource + " not readable", e);
        }
    }
}
