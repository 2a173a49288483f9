package org.chibo.meeting.record;

/** How a member's presence was taken. */
public enum CheckInMethod {
    /** the member entered the meeting's code, or scanned its QR payload */
    CODE,
    /** the secretary marked it by hand, or corrected it */
    SECRETARY,
    /** present on the online platform of an online or hybrid meeting */
    ONLINE,
    /** transcribed from a paper record */
    MINUTES
}
