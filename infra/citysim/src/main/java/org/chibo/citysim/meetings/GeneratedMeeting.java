package org.chibo.citysim.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One meeting of the generated year as its minutes record it, members named by card number (the loader turns them
 * into the platform's ids). Field for field what {@code POST /api/v1/meetings} takes, plus each attendee's status and
 * exemption on the day, which the meeting service looks up itself and an inspection needs.
 *
 * @param period    {@code 2025-03} for a regular meeting, {@code 2025-Q2} for a thematic one
 * @param topic     the registered topic of a thematic meeting, null for a regular one
 * @param closedOn  the day the minutes were signed
 * @param mode      IN_PERSON, or ONLINE / HYBRID for a branch approved for online meetings
 * @param restrictedMatters the restricted matters (STATE_SECRET, PERSONNEL, …) the meeting handled, mostly none
 */
public record GeneratedMeeting(String reference, String branchCode, MeetingType type, String period, LocalDate heldOn,
                               Instant startedAt, Instant endedAt, String place, String topic, LocalDate closedOn,
                               List<Attendee> attendance, Vote vote, Minutes minutes, String mode,
                               List<String> restrictedMatters) {

    public static final String MODE = "IN_PERSON";

    public GeneratedMeeting {
        restrictedMatters = List.copyOf(restrictedMatters);
    }

    /** An in-person meeting that handled no restricted matter: nearly every meeting of the year. */
    public GeneratedMeeting(String reference, String branchCode, MeetingType type, String period, LocalDate heldOn,
                            Instant startedAt, Instant endedAt, String place, String topic, LocalDate closedOn,
                            List<Attendee> attendance, Vote vote, Minutes minutes) {
        this(reference, branchCode, type, period, heldOn, startedAt, endedAt, place, topic, closedOn, attendance, vote,
                minutes, MODE, List.of());
    }

    /** The same meeting held in {@code mode}, having handled {@code matters}. */
    GeneratedMeeting held(String mode, List<String> matters) {
        return new GeneratedMeeting(reference, branchCode, type, period, heldOn, startedAt, endedAt, place, topic, closedOn,
                attendance, vote, minutes, mode, matters);
    }

    public boolean online() {
        return !MODE.equals(mode);
    }
    public static final String SCOPE = "BRANCH";

    public enum Presence { PRESENT, ABSENT_EXCUSED, ABSENT_UNEXCUSED }

    /**
     * @param memberStatus OFFICIAL or PROBATIONARY on the day (recognised on or before it, or not)
     * @param exempt       exempt on the day (then always ABSENT_EXCUSED, out of every denominator)
     * @param reason       the reason of an excused absence, otherwise null
     */
    public record Attendee(String cardNumber, String memberStatus, boolean exempt, Presence status, String reason) {
    }

    public record Vote(int inFavour, int against, int abstained) {
    }

    /** A part left null (or, for the content items, empty; for a signature, false) is missing from the minutes. */
    public record Minutes(String chairCardNumber, String minuteTakerCardNumber, List<String> contentItems,
                          String conclusion, Resolution resolution, boolean signedByChair, boolean signedByMinuteTaker) {
    }

    public record Resolution(String text, boolean adopted, List<Task> tasks) {
    }

    public record Task(String cardNumber, String description, LocalDate dueOn) {
    }
}
