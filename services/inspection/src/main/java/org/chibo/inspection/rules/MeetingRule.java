package org.chibo.inspection.rules;

import java.util.Optional;

import org.chibo.contracts.meeting.MeetingRecorded;

/** A rule judged on one meeting record alone. Plain Java: one input, at most one breach, no framework. */
public interface MeetingRule {

    Rule rule();

    Optional<Breach> check(MeetingRecorded meeting);
}
