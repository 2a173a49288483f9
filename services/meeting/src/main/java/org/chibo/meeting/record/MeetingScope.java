package org.chibo.meeting.record;

/** Who meets: the whole branch (chi bộ), or one party cell (tổ đảng) of a large branch. */
public enum MeetingScope {
    BRANCH, CELL
}
