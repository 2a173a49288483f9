package org.chibo.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The devstack's local identity provider: an OAuth2 / OpenID Connect authorization server (Spring Authorization
 * Server) that signs the JWTs every ChiBo service and the gateway verify. Demo only: one password for every account,
 * accounts generated from the demo city. Production uses any standard OIDC issuer instead (see the root README).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }
}
