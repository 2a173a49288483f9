package org.chibo.meeting.record;

/** Thường kỳ (monthly), chuyên đề (thematic, at least quarterly), bất thường (extraordinary). */
public enum MeetingType {
    REGULAR,
    THEMATIC,
    EXTRAORDINARY
}
