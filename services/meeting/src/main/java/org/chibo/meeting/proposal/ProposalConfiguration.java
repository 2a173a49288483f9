package org.chibo.meeting.proposal;

import java.util.List;

import org.chibo.chassis.outbox.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires proposals into the service without touching its application class. */
@Configuration(proxyBeanMethods = false)
class ProposalConfiguration implements WebMvcConfigurer {

    /** Proposals carry their events in {@code pendingEvents}: the sweeper re-publishes any a crash left behind. */
    @Bean
    Outbox.Collection proposalOutbox() {
        return new Outbox.Collection(ProposalStore.COLLECTION);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActingUserResolver());
    }
}
