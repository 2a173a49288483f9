package org.chibo.citysim.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.chibo.citysim.BranchKind;

/**
 * The minutes (biên bản) and the vote of one meeting: the secretary chairs when present (else the deputy, else a
 * present official member), the usual minute-keeper writes them when present (else another present member), the
 * agenda, the chair's conclusion, the resolution with tasks for one to three present members, and the vote of the
 * official members present. An injected R-G3 declares the resolution adopted with at most half of the official
 * members for it; an injected R-G5 leaves one to three parts out.
 */
final class MinutesWriter {

    /** The parts of the minutes R-G5 checks, named as in {@code POST /api/v1/meetings}, in this order. */
    static final List<String> PARTS = List.of("chairId", "minuteTakerId", "contentItems", "conclusion", "resolution.text",
            "signedByChair", "signedByMinuteTaker");

    private final BranchKind kind;
    private final int year;

    MinutesWriter(BranchKind kind, int year) {
        this.kind = kind;
        this.year = year;
    }

    GeneratedMeeting.Vote ordinaryVote(Headcount h, SplittableRandom random) {
        int against = random.nextInt(40) == 0 ? 1 : 0;
        int abstained = random.nextInt(10) == 0 ? 1 + random.nextInt(2) : 0;
        int inFavour = h.presentOfficial() - against - abstained;
        if (2 * inFavour <= h.officialAtReference()) {
            return new GeneratedMeeting.Vote(h.presentOfficial(), 0, 0);
        }
        return new GeneratedMeeting.Vote(inFavour, against, abstained);
    }

    /** R-G3: at most half of the official members for it, the other present officials against or abstaining. */
    static GeneratedMeeting.Vote wrongVote(Headcount h, SplittableRandom random) {
        int half = h.official() / 2;
        int inFavour = half >= 2 && random.nextBoolean() ? half - 1 : half;
        int rest = h.presentOfficial() - inFavour;
        int against = random.nextInt(rest + 1);
        return new GeneratedMeeting.Vote(inFavour, against, rest - against);
    }

    /** Whether this meeting can carry an R-G3 vote: at least one in favour, and no more than the officials present. */
    static boolean canVoteWrongly(Headcount h) {
        return h.official() >= 2 && h.official() / 2 <= h.presentOfficial();
    }

    GeneratedMeeting.Minutes minutes(MeetingCalendar.Slot slot, List<GeneratedMeeting.Attendee> attendance,
                                     Committee committee, List<String> missing, SplittableRandom random) {
        List<String> present = attendance.stream().filter(a -> a.status() == GeneratedMeeting.Presence.PRESENT)
                .map(GeneratedMeeting.Attendee::cardNumber).toList();
        List<String> presentOfficials = attendance.stream()
                .filter(a -> a.status() == GeneratedMeeting.Presence.PRESENT && "OFFICIAL".equals(a.memberStatus()))
                .map(GeneratedMeeting.Attendee::cardNumber).toList();
        String chair = firstPresent(presentOfficials, committee.secretary(), committee.deputy());
        if (chair == null) {
            chair = presentOfficials.get(random.nextInt(presentOfficials.size()));
        }
        String minuteTaker = committee.clerk() != null && !committee.clerk().equals(chair) && present.contains(committee.clerk())
                ? committee.clerk() : otherThan(chair, present, random);

        String period = slot.period();
        List<String> items = slot.type() == MeetingType.REGULAR
                ? MeetingTexts.regularItems(kind, slot.month(), year, random)
                : MeetingTexts.thematicItems(slot.topic(), random);
        String conclusion = MeetingTexts.conclusion(slot.type(), period, random);
        List<GeneratedMeeting.Task> tasks = new ArrayList<>();
        List<String> assignable = new ArrayList<>(present);
        int count = 1 + random.nextInt(Math.min(3, assignable.size()));
        for (int i = 0; i < count; i++) {
            String who = assignable.remove(random.nextInt(assignable.size()));
            LocalDate due = slot.heldOn().plusDays(14 + random.nextInt(17));
            tasks.add(new GeneratedMeeting.Task(who, MeetingTexts.task(kind, random), due));
        }
        String resolutionText = MeetingTexts.resolution(slot.type(), period, slot.topic());
        return new GeneratedMeeting.Minutes(
                missing.contains("chairId") ? null : chair,
                missing.contains("minuteTakerId") ? null : minuteTaker,
                missing.contains("contentItems") ? List.of() : items,
                missing.contains("conclusion") ? null : conclusion,
                new GeneratedMeeting.Resolution(missing.contains("resolution.text") ? null : resolutionText, true, tasks),
                !missing.contains("signedByChair"),
                !missing.contains("signedByMinuteTaker"));
    }

    /** One to three parts (60 %, 30 %, 10 %), in {@link #PARTS} order. */
    static List<String> missingParts(SplittableRandom random) {
        int roll = random.nextInt(10);
        int count = roll < 6 ? 1 : roll < 9 ? 2 : 3;
        List<String> pool = new ArrayList<>(PARTS);
        List<String> picked = new ArrayList<>();
        while (picked.size() < count) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return PARTS.stream().filter(picked::contains).toList();
    }

    private static String firstPresent(List<String> present, String... preferred) {
        for (String card : preferred) {
            if (card != null && present.contains(card)) {
                return card;
            }
        }
        return null;
    }

    private static String otherThan(String chair, List<String> present, SplittableRandom random) {
        List<String> others = present.stream().filter(c -> !c.equals(chair)).toList();
        return others.get(random.nextInt(others.size()));
    }
}
