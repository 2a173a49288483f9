package org.chibo.membership.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chibo.chassis.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The outbox of one import request's new members: their {@code members-onboarded} events, published once every member
 * is written. A member document cannot carry an event naming hundreds of members, and no write spans documents, so
 * the batch is written first as {@code PREPARED} (no events yet), then the members (each naming the batch), then it
 * is {@code RELEASED} with its events in {@code pendingEvents}, which the chassis relay and sweeper publish like any
 * aggregate's. A request that died between is finished by {@link OnboardingBatches#releaseLeftovers}, from the
 * members that did get written.
 */
@Document(OnboardingBatch.COLLECTION)
public class OnboardingBatch {

    public static final String COLLECTION = "onboarding_batches";

    public enum State { PREPARED, RELEASED }

    @Id
    private String id;
    private State state;
    private Instant preparedAt;
    private int members;
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected OnboardingBatch() {
    }

    OnboardingBatch(String id, Instant preparedAt) {
        this.id = id;
        this.state = State.PREPARED;
        this.preparedAt = preparedAt;
    }

    public String getId() {
        return id;
    }

    public State getState() {
        return state;
    }

    public Instant getPreparedAt() {
        return preparedAt;
    }

    public int getMembers() {
        return members;
    }
}
