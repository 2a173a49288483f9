package org.chibo.citysim.meetings;

/** Thường kỳ (monthly) or chuyên đề (quarterly, with a registered topic). */
public enum MeetingType {
    REGULAR("R"),
    THEMATIC("T");

    /** The letter in a meeting's client reference. */
    final String letter;

    MeetingType(String letter) {
        this.letter = letter;
    }
}
