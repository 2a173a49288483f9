package org.chibo.identity.server;

import org.chibo.identity.IdentityProperties;
import org.chibo.identity.accounts.DemoAccounts;
import org.chibo.identity.accounts.DemoUserDetailsService;
import org.chibo.identity.city.DemoCityDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo city and the accounts in it: who may log in, and what their tokens say. */
@Configuration(proxyBeanMethods = false)
class DemoAccountsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsConfiguration.class);

    @Bean
    DemoCityDirectory demoCity(IdentityProperties properties) {
        DemoCityDirectory city = DemoCityDirectory.generate(properties.city().seed(), properties.city().referenceDate());
        log.info("demo city (seed {}, reference date {}) generated in {} ms: {} units, {} members can log in with their"
                        + " card number", properties.city().seed(), properties.city().referenceDate(),
                city.generatedIn().toMillis(), city.unitCount(), city.memberCount());
        return city;
    }

    @Bean
    DemoAccounts demoAccounts(DemoCityDirectory city, IdentityProperties properties) {
        DemoAccounts accounts = new DemoAccounts(city, properties.accounts());
        accounts.named().forEach(a -> log.info("demo account {}: {} at {} ({}, org {})", a.username(), a.roles(),
                a.organisationCode(), a.organisationName(), a.organisationId()));
        return accounts;
    }

    @Bean
    UserDetailsService demoUsers(DemoAccounts accounts, IdentityProperties properties) {
        return new DemoUserDetailsService(accounts, properties.demoPassword());
    }

    /** Understands {@code {noop}}, the demo password's encoding (see DemoUserDetailsService). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
