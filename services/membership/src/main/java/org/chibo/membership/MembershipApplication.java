package org.chibo.membership;

import org.chibo.chassis.ChassisConfiguration;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.membership.member.Member;
import org.chibo.membership.onboarding.OnboardingBatch;
import org.chibo.membership.organisation.OrganisationUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The register: organisation tree and members. Publishes {@code membership.events}; consumes nothing. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ChassisConfiguration.class)
public class MembershipApplication {

    public static void main(String[] args) {
        SpringApplication.run(MembershipApplication.class, args);
    }

    @Bean
    Outbox.Collection organisationOutbox() {
        return new Outbox.Collection(OrganisationUnit.COLLECTION);
    }

    @Bean
    Outbox.Collection memberOutbox() {
        return new Outbox.Collection(Member.COLLECTION);
    }

    @Bean
    Outbox.Collection onboardingOutbox() {
        return new Outbox.Collection(OnboardingBatch.COLLECTION);
    }
}
