package org.chibo.chassis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.chibo.chassis.security.Role;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signed JWTs for tests, as the identity provider issues them: RS256 with the test issuer's key
 * ({@code security/test-issuer.key}), whose public half every test context trusts ({@link EmbeddedInfra#register}).
 * Real tokens through the real verification: no security switched off for tests.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.chibo.local";
    private static final PrivateKey KEY = readKey("/security/test-issuer.key");

    private TestTokens() {
    }

    /** A token for {@code subject} with {@code roles} bound to {@code organisationId}'s subtree, valid for an hour. */
    public static String issue(String subject, String organisationId, Role... roles) {
        return as(subject).in(organisationId).roles(roles).sign();
    }

    public static Builder as(String subject) {
        return new Builder(subject);
    }

    public static final class Builder {
        private final String subject;
        private String organisationId;
        private List<String> roles = List.of();
        private String memberId;
        private String issuer = ISSUER;
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        private PrivateKey key = KEY;

        private Builder(String subject) {
            this.subject = subject;
        }

        public Builder in(String organisationId) {
            this.organisationId = organisationId;
            return this;
        }

        public Builder roles(Role... roles) {
            this.roles = Arrays.stream(roles).map(Role::name).toList();
            return this;
        }

        /** Role names as an issuer might spell them, known to ChiBo or not. */
        public Builder roleNames(String... names) {
            this.roles = List.of(names);
            return this;
        }

        public Builder member(String memberId) {
            this.memberId = memberId;
            return this;
        }

        public Builder issuedBy(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Signed with a key nobody trusts, as a forged token would be. */
        public Builder forged() {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                this.key = g.generateKeyPair().getPrivate();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                    .issueTime(Date.from(expiresAt.minus(Duration.ofHours(1)))).expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString()).claim("roles", roles);
            if (organisationId != null) {
                claims.claim("org", organisationId);
            }
            if (memberId != null) {
                claims.claim("member_id", memberId);
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
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException | NullPointerException e) {
            throw new IllegalStateException("test issuer key " + resource + " not readable", e);
        }
    }
}
