package org.chibo.citysim.meetings;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.chibo.citysim.Member;

/**
 * Checks every generated meeting against what its branch's rolls say, written from the brief rather than from the
 * generator: who must be listed, with which status and exemption, who may chair, what the vote may be, when the
 * meeting may be held and closed. Collects the first problems and the figures a realistic year should show.
 */
final class YearInvariants {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    final List<String> problems = new ArrayList<>();
    int meetings;
    long present;
    long expected;
    double rateSum;
    int fullAttendance;
    long excused;
    long unexcused;
    long attendanceLines;
    int exemptListed;
    int shortMeetings;
    int lateRecords;
    int incompleteMinutes;
    int wrongVotes;
    int exactlyNinetyMinutes;
    final Map<Integer, Integer> membersByUnexcusedMonths = new TreeMap<>();
    final Map<String, Integer> startHours = new TreeMap<>();
    final Set<String> references = new HashSet<>();

    private final Map<String, Exemption> exemptions = new HashMap<>();
    private final LocalDate referenceDate;
    private final long seed;
    private final int year;

    YearInvariants(MeetingYearGenerator generator, long seed, LocalDate referenceDate) {
        generator.exemptions().forEach(e -> this.exemptions.put(e.cardNumber(), e));
        this.referenceDate = referenceDate;
        this.seed = seed;
        this.year = generator.year();
    }

    void check(BranchYear b) {
        Map<String, Member> members = new HashMap<>();
        b.branch().members().forEach(m -> members.put(m.cardNumber(), m));
        Set<String> regularMonths = new HashSet<>();
        Set<String> thematicQuarters = new HashSet<>();
        Map<String, Set<Integer>> unexcusedMonths = new HashMap<>();
        for (GeneratedMeeting m : b.meetings()) {
            meetings++;
            String where = m.reference();
            expect(references.add(m.reference()), where + ": reference used twice");
            expect(m.reference().equals("citysim:" + seed + ":" + year + ":" + b.branch().code() + ":" + (m.type() == MeetingType.REGULAR ? "R" : "T")
                    + ":" + m.period()), where + ": reference shape");
            expect(m.type() == MeetingType.REGULAR ? regularMonths.add(m.period()) : thematicQuarters.add(m.period()),
                    where + ": a second meeting of its type in " + m.period());
            expect(m.heldOn().getYear() == year, where + ": held outside the year");
            expect(m.type() == MeetingType.REGULAR ? m.topic() == null : m.topic() != null && !m.topic().isBlank(),
                    where + ": topic on a regular meeting or none on a thematic one");

            // the roster: everyone admitted by that day, nobody later, status and exemption as of the day
            Set<String> listed = new HashSet<>();
            Map<String, GeneratedMeeting.Attendee> byCard = new HashMap<>();
            int here = 0, counted = 0, presentOfficials = 0;
            for (GeneratedMeeting.Attendee a : m.attendance()) {
                attendanceLines++;
                listed.add(a.cardNumber());
                byCard.put(a.cardNumber(), a);
                Member member = members.get(a.cardNumber());
                expect(member != null, where + ": " + a.cardNumber() + " is not on the branch's rolls");
                if (member == null) {
                    continue;
                }
                expect(!member.admittedOn().isAfter(m.heldOn()), where + ": lists " + a.cardNumber() + " admitted later");
                boolean official = member.recognisedOn() != null && !member.recognisedOn().isAfter(m.heldOn());
                expect(a.memberStatus().equals(official ? "OFFICIAL" : "PROBATIONARY"), where + ": status of " + a.cardNumber());
                Exemption exemption = exemptions.get(a.cardNumber());
                boolean exempt = exemption != null && exemption.covers(m.heldOn());
                expect(a.exempt() == exempt, where + ": exemption of " + a.cardNumber());
                boolean hasReason = a.reason() != null && !a.reason().isBlank();
                switch (a.status()) {
                    case PRESENT -> expect(!hasReason && !exempt, where + ": present with a reason or while exempt");
                    case ABSENT_EXCUSED -> expect(hasReason, where + ": excused without a reason");
                    case ABSENT_UNEXCUSED -> expect(!hasReason && !exempt, where + ": unexcused with a reason or while exempt");
                }
                if (exempt) {
                    exemptListed++;
                    continue;
                }
                counted++;
                if (a.status() == GeneratedMeeting.Presence.PRESENT) {
                    here++;
                    presentOfficials += official ? 1 : 0;
                } else if (a.status() == GeneratedMeeting.Presence.ABSENT_EXCUSED) {
                    excused++;
                } else {
                    unexcused++;
                    unexcusedMonths.computeIfAbsent(a.cardNumber(), c -> new HashSet<>()).add(m.heldOn().getMonthValue());
                }
            }
            for (Member member : b.branch().members()) {
                expect(member.admittedOn().isAfter(m.heldOn()) || listed.contains(member.cardNumber()),
                        where + ": leaves out " + member.cardNumber());
            }
            present += here;
            expected += counted;
            rateSum += (double) here / counted;
            fullAttendance += here == counted ? 1 : 0;

            GeneratedMeeting.Vote v = m.vote();
            expect(v.inFavour() >= 0 && v.against() >= 0 && v.abstained() >= 0
                    && v.inFavour() + v.against() + v.abstained() <= presentOfficials, where + ": vote " + v);
            GeneratedMeeting.Minutes minutes = m.minutes();
            if (minutes.chairCardNumber() != null) {
                GeneratedMeeting.Attendee chair = byCard.get(minutes.chairCardNumber());
                expect(chair != null && chair.status() == GeneratedMeeting.Presence.PRESENT && "OFFICIAL".equals(chair.memberStatus()),
                        where + ": the chair is not a present official member");
            }
            if (minutes.minuteTakerCardNumber() != null) {
                GeneratedMeeting.Attendee taker = byCard.get(minutes.minuteTakerCardNumber());
                expect(taker != null && taker.status() == GeneratedMeeting.Presence.PRESENT
                        && !minutes.minuteTakerCardNumber().equals(minutes.chairCardNumber()), where + ": minute-taker");
            }
            boolean complete = minutes.chairCardNumber() != null && minutes.minuteTakerCardNumber() != null
                    && !minutes.contentItems().isEmpty() && minutes.conclusion() != null && minutes.resolution().text() != null
                    && minutes.signedByChair() && minutes.signedByMinuteTaker();
            incompleteMinutes += complete ? 0 : 1;
            expect(minutes.contentItems().isEmpty() || minutes.contentItems().size() >= 2 && minutes.contentItems().size() <= 5,
                    where + ": " + minutes.contentItems().size() + " content items");
            expect(minutes.resolution().adopted(), where + ": resolution not adopted");
            List<GeneratedMeeting.Task> tasks = minutes.resolution().tasks();
            expect(tasks.size() >= 1 && tasks.size() <= 3, where + ": " + tasks.size() + " tasks");
            Set<String> assignees = new HashSet<>();
            for (GeneratedMeeting.Task t : tasks) {
                GeneratedMeeting.Attendee who = byCard.get(t.cardNumber());
                expect(who != null && who.status() == GeneratedMeeting.Presence.PRESENT && assignees.add(t.cardNumber())
                        && t.dueOn().isAfter(m.heldOn()) && !t.description().isBlank(), where + ": task " + t);
            }
            wrongVotes += 2 * v.inFavour() <= officialsOnTheDay(m) ? 1 : 0;

            LocalDateTime start = LocalDateTime.ofInstant(m.startedAt(), VIETNAM);
            expect(start.toLocalDate().equals(m.heldOn()), where + ": starts on another day in Vietnam");
            expect(start.getHour() >= 6 && start.getHour() <= 20, where + ": starts at " + start.toLocalTime());
            startHours.merge(String.format("%02d:%02d", start.getHour(), start.getMinute()), 1, Integer::sum);
            long minutesLong = ChronoUnit.MINUTES.between(m.startedAt(), m.endedAt());
            shortMeetings += minutesLong < 90 ? 1 : 0;
            exactlyNinetyMinutes += minutesLong == 90 ? 1 : 0;
            expect(minutesLong >= 45 && minutesLong <= 210, where + ": lasts " + minutesLong + " minutes");
            long toClose = ChronoUnit.DAYS.between(m.heldOn(), m.closedOn());
            expect(toClose >= 0 && toClose <= 20, where + ": closed " + toClose + " days later");
            lateRecords += toClose > 7 ? 1 : 0;
            expect(m.closedOn().isBefore(referenceDate.plusDays(7)), where + ": closed long after the reference date");

            for (String text : texts(m)) {
                expect(text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC), where + ": text not NFC");
            }
        }
        unexcusedMonths.values().forEach(s -> membersByUnexcusedMonths.merge(s.size(), 1, Integer::sum));
    }

    private static int officialsOnTheDay(GeneratedMeeting m) {
        return (int) m.attendance().stream().filter(a -> !a.exempt() && "OFFICIAL".equals(a.memberStatus())).count();
    }

    private static List<String> texts(GeneratedMeeting m) {
        List<String> texts = new ArrayList<>(List.of(m.place()));
        texts.add(m.topic());
        texts.addAll(m.minutes().contentItems());
        texts.add(m.minutes().conclusion());
        texts.add(m.minutes().resolution().text());
        m.minutes().resolution().tasks().forEach(t -> texts.add(t.description()));
        m.attendance().forEach(a -> texts.add(a.reason()));
        return texts;
    }

    private void expect(boolean condition, String problem) {
        if (!condition && problems.size() < 20) {
            problems.add(problem);
        }
    }
}
