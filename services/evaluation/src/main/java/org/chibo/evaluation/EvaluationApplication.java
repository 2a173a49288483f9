package org.chibo.evaluation;

import org.chibo.chassis.ChassisConfiguration;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.evaluation.close.ClosedYear;
import org.chibo.evaluation.decision.RatingRecord;
import org.chibo.evaluation.scorecard.BranchScorecard;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Đánh giá, xếp loại chất lượng: scorecards and ratings. Publishes {@code evaluation.ratings}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ChassisConfiguration.class)
public class EvaluationApplication {

    public static void main(String[] args) {
        SpringApplication.run(EvaluationApplication.class, args);
    }

    @Bean
    Outbox.Collection scorecardOutbox() {
        return new Outbox.Collection(BranchScorecard.COLLECTION);
    }

    @Bean
    Outbox.Collection ratingOutbox() {
        return new Outbox.Collection(RatingRecord.COLLECTION);
    }

    @Bean
    Outbox.Collection closedYearOutbox() {
        return new Outbox.Collection(ClosedYear.COLLECTION);
    }
}
