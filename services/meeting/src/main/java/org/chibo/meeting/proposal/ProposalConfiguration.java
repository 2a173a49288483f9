package org.chibo.meeting.proposal;


import org.chibo.chassis.outbox.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires proposals into the service without touching its application class. */
@Configuration(proxyBeanMethods = false)
class ProposalConfiguration {

    /** Proposals carry their events in {@code pendingEvents}: the sweeper re-publishes any a crash left behind. */
    @Bean
    Outbox.Collection proposalOutbox() {
        return new Outbox.Collection(ProposalStore.COLLECTION);
    }
}
