package org.chibo.chassis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.chassis.inbox.ProcessedEvents;
import org.chibo.chassis.kafka.DeadLetterErrorHandler;
import org.chibo.chassis.kafka.TopicCatalogueTopics;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.OutboxRelay;
import org.chibo.chassis.outbox.OutboxSweeper;
import org.chibo.chassis.outbox.TraceContinuation;
import org.chibo.chassis.web.ProblemDetailsAdvice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The chassis a service imports ({@code @Import(ChassisConfiguration.class)}): outbox relay and sweeper, idempotent
 * consumer, dead-letter error handling, the topic catalogue, problem details. Defaults are in
 * {@code chibo-chassis-defaults.properties}; a service's application.yml overrides any of them.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@PropertySource("classpath:chibo-chassis-defaults.properties")
@Import({ProblemDetailsAdvice.class, org.chibo.chassis.security.ChassisSecurity.class})
public class ChassisConfiguration {

    /**
     * Controllers take a {@link org.chibo.chassis.security.Caller} (roles and subtree) or an
     * {@link org.chibo.chassis.web.ActingUser} (who makes a change) parameter, both from the verified token; and every
     * API endpoint refuses query parameters it does not declare ({@link org.chibo.chassis.web.UndeclaredQueryParameters}).
     */
    @Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer callers(org.chibo.chassis.security.CallerResolver callers,
                                                                              org.chibo.chassis.security.SecuritySettings security) {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(java.util.List<org.springframework.web.method.support.HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(callers);
            }

            @Override
            public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(new org.chibo.chassis.web.UndeclaredQueryParameters(security))
                        .addPathPatterns("/api/**");
            }
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TraceContinuation traceContinuation(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? TraceContinuation.none() : new TraceContinuation(t, p);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, TraceContinuation traces,
                            MeterRegistry meters, Clock clock,
                            @Value("${chibo.outbox.send-timeout:PT10S}") Duration sendTimeout) {
        return new OutboxRelay(mongo, kafka, traces, meters, sendTimeout, clock);
    }

    @Bean(destroyMethod = "close")
    java.util.concurrent.ExecutorService outboxExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    Outbox outbox(OutboxRelay relay, TraceContinuation traces, java.util.concurrent.ExecutorService outboxExecutor) {
        return new Outbox(relay, traces, outboxExecutor);
    }

    @Bean
    OutboxSweeper outboxSweeper(OutboxRelay relay, List<Outbox.Collection> collections,
                                @Value("${chibo.outbox.sweep-interval:PT10S}") Duration interval,
                                @Value("${chibo.outbox.sweep-min-age:PT30S}") Duration minAge,
                                @Value("${chibo.outbox.sweep-batch-size:500}") int batchSize) {
        return new OutboxSweeper(relay, collections, new Outbox.SweepSettings(interval, minAge, batchSize));
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, @Value("${spring.application.name}") String consumer) {
        return new ProcessedEvents(mongo, consumer);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(ProcessedEvents processed, MeterRegistry meters) {
        return new IdempotentConsumer(processed, meters);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template, MeterRegistry meters,
                                          @Value("${chibo.kafka.retry.initial-interval:PT0.5S}") Duration initial,
                                          @Value("${chibo.kafka.retry.max-interval:PT30S}") Duration max) {
        return DeadLetterErrorHandler.create(template, meters, initial, max);
    }

    @Bean
    KafkaAdmin.NewTopics chiboTopics(@Value("${chibo.kafka.replication-factor:1}") int replicationFactor) {
        return TopicCatalogueTopics.all(replicationFactor);
    }
}
