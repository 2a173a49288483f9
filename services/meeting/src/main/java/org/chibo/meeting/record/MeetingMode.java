package org.chibo.meeting.record;

/** In person, online (03-HD/TW, eligible branches only) or hybrid. */
public enum MeetingMode {
    IN_PERSON,
    ONLINE,
    HYBRID
}
