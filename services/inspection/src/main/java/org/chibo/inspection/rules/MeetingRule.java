package org.chibo.inspection.rules;

import java.util.Optional;

import org.chibo.contracts.meeting.MeetingRecorded;

/** A rule judged on one meeting record alone. Plain Java: one input, at most one breach, no framework. */
public interface MeetingRule {

    String id();

    /** Raised when a threshold or the logic changes, so a finding says which reading of the rule produced it. */
    int version();

    Severity severity();

    String legalBasis();

    Optional<Breach> check(MeetingRecorded meeting);
}
