package org.chibo.membership.onboarding;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.utils.Utils;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.Topics;
import org.chibo.contracts.membership.MembersOnboarded;
import org.chibo.membership.member.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Announces an import's new members with {@code members-onboarded}: one event per Kafka partition their ids fall on
 * (and per {@link #MAX_PER_EVENT} members), keyed by one of them, so every member's admission lies on the partition
 * where their later events (keyed by member id) follow it. A city of 128,874 members is a few hundred events for
 * each consumer to parse, mark as processed and apply in bulk, instead of one per member.
 */
@Service
public class OnboardingBatches {

    /** Keeps a record under about 250 KB (an entry is up to about 500 bytes), well under Kafka's 1 MB default request size. */
    static final int MAX_PER_EVENT = 500;
    private static final Logger log = LoggerFactory.getLogger(OnboardingBatches.class);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final Duration leftoverAge;
    private final Counter leftoversReleased;
    private volatile int partitions;

    OnboardingBatches(MongoTemplate mongo, Outbox outbox, KafkaTemplate<String, byte[]> kafka, Clock clock,
                      MeterRegistry meters,
                      @Value("${chibo.membership.onboarding.leftover-age:PT2M}") Duration leftoverAge) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.kafka = kafka;
        this.clock = clock;
        this.leftoverAge = leftoverAge;
        this.leftoversReleased = meters.counter("chibo.membership.onboarding.leftovers.released");
    }

    /** A new batch's id, for the members created before the batch is written. */
    static String newBatchId() {
        return UUID.randomUUID().toString();
    }

    /** Writes the batch {@code batchId}, {@code PREPARED}: its members are written next, and nothing is published yet. */
    void prepare(String batchId) {
        mongo.insert(new OnboardingBatch(batchId, clock.instant()));
    }

    /**
     * Puts the batch's events in its outbox and publishes them. Only a {@code PREPARED} batch is released, once: a
     * second release (the request and the leftover job racing) changes nothing.
     *
     * @return whether this call released it
     */
    boolean release(String batchId, List<Member> members) {
        List<PendingEvent> events = events(batchId, members);
        var released = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(batchId).and("state").is(OnboardingBatch.State.PREPARED)),
                new Update().set("state", OnboardingBatch.State.RELEASED).set("members", members.size())
                        .set("pendingEvents", events).inc("version", 1),
                OnboardingBatch.class);
        if (released.getModifiedCount() == 0) {
            return false;
        }
        // all its events sent at once and removed in one write: the document is large (an import's every member)
        // and a removal per event would rewrite it once per event
        outbox.publishAllSoon(OnboardingBatch.COLLECTION, List.of(batchId));
        return true;
    }

    /**
     * Finishes what a request that died after {@link #prepare} left: a batch still {@code PREPARED} after
     * {@code chibo.membership.onboarding.leftover-age} is released with the members that were written (or dropped when
     * none were). Runs at start-up and then every sweep; idempotent, counted and logged.
     */
    @Scheduled(fixedDelayString = "${chibo.membership.onboarding.leftover-interval:PT1M}")
    public void releaseLeftovers() {
        Instant cutoff = clock.instant().minus(leftoverAge);
        List<OnboardingBatch> stale = mongo.find(Query.query(Criteria.where("state").is(OnboardingBatch.State.PREPARED)
                .and("preparedAt").lte(cutoff)), OnboardingBatch.class);
        for (OnboardingBatch batch : stale) {
            List<Member> written = mongo.find(Query.query(Criteria.where("onboardingBatch").is(batch.getId())), Member.class);
            if (written.isEmpty()) {
                mongo.remove(Query.query(Criteria.where("_id").is(batch.getId()).and("state").is(OnboardingBatch.State.PREPARED)),
                        OnboardingBatch.class);
                log.info("onboarding batch {} wrote no member before its request ended: dropped", batch.getId());
            } else if (release(batch.getId(), written)) {
                leftoversReleased.increment();
                log.warn("onboarding batch {} left prepared by a request that ended early: released with the {} member(s) it wrote",
                        batch.getId(), written.size());
            }
        }
    }

    private List<PendingEvent> events(String batchId, List<Member> members) {
        Map<Integer, List<MembersOnboarded.Entry>> byPartition = new TreeMap<>();
        int n = partitions();
        for (Member m : members) {
            byPartition.computeIfAbsent(partition(m.getId(), n), p -> new ArrayList<>()).add(entry(m));
        }
        Instant now = clock.instant();
        List<PendingEvent> events = new ArrayList<>();
        for (List<MembersOnboarded.Entry> entries : byPartition.values()) {
            for (int from = 0; from < entries.size(); from += MAX_PER_EVENT) {
                List<MembersOnboarded.Entry> slice = List.copyOf(entries.subList(from, Math.min(entries.size(), from + MAX_PER_EVENT)));
                events.add(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBERS_ONBOARDED, slice.getFirst().memberId(), batchId,
                        new MembersOnboarded(batchId, slice), now)));
            }
        }
        return events;
    }

    /** The partition Kafka's default partitioner gives a record keyed {@code memberId} (a string key, UTF-8). */
    static int partition(String memberId, int partitions) {
        return Utils.toPositive(Utils.murmur2(memberId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private int partitions() {
        if (partitions == 0) {
            partitions = kafka.partitionsFor(Topics.MEMBERSHIP_EVENTS.name()).size();
        }
        return partitions;
    }

    static MembersOnboarded.Entry entry(Member m) {
        return new MembersOnboarded.Entry(m.getId(), m.getBranchId(), m.getOrganisationPath(), m.getFullName(),
                m.getCardNumber(), m.getStatus().name(), m.getAdmittedOn(), m.getRecognisedOn(), m.getCellId());
    }
}
