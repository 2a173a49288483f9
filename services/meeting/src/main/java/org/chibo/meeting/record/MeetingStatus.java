package org.chibo.meeting.record;

/** Where a meeting stands: on the calendar, under way (check-in open), recorded (biên bản closed), or called off. */
public enum MeetingStatus {
    SCHEDULED, OPEN, RECORDED, CANCELLED
}
