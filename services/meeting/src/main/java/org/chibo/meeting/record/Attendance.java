package org.chibo.meeting.record;

/** Có mặt, vắng có lý do, vắng không lý do. */
public enum Attendance {
    PRESENT,
    ABSENT_EXCUSED,
    ABSENT_UNEXCUSED
}
