package org.chibo.inspection;

import org.chibo.chassis.ChassisConfiguration;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.inspection.finding.Finding;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Kiểm tra, giám sát: rules that react to meeting records. Publishes {@code inspection.findings}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ChassisConfiguration.class)
public class InspectionApplication {

    public static void main(String[] args) {
        SpringApplication.run(InspectionApplication.class, args);
    }

    @Bean
    Outbox.Collection findingOutbox() {
        return new Outbox.Collection(Finding.COLLECTION);
    }
}
