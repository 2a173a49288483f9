package org.chibo.meeting.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.chibo.chassis.store.InBatches;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.meeting.record.MeetingType;
import org.chibo.meeting.record.Periods;
import org.chibo.meeting.roster.BranchRoster;
import org.chibo.meeting.roster.BranchRosters;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** A branch's year at a glance, and a committee's view of its branches' meetings for a month. */
@Service
class Overviews {

    private final MongoTemplate mongo;
    private final BranchRosters rosters;

    Overviews(MongoTemplate mongo, BranchRosters rosters) {
        this.mongo = mongo;
        this.rosters = rosters;
    }

    record Period(String period, MonthStatus status, List<Meeting> meetings) {
    }

    record Meeting(String meetingId, String type, String scope, java.time.LocalDate day, String status,
                   java.time.LocalDate closedOn, Integer present, Integer expected) {
    }

    record BranchYear(String branchId, String name, int year, List<Period> months, List<Period> quarters,
                      List<Meeting> extraordinary, int regularRecorded, int thematicRecorded, Double attendanceRate) {
    }

    BranchYear branchYear(String branchId, int year) {
        BranchRoster branch = rosters.branch(branchId).filter(BranchRoster::holdsMeetings)
                .orElseThrow(() -> new NotFoundException("branch", branchId));
        MeetingCalendar calendar = mongo.findById(MeetingCalendar.key(branchId, year), MeetingCalendar.class);
        Map<String, MeetingCalendar.Entry> entries = calendar == null || calendar.meetings() == null ? Map.of() : calendar.meetings();
        List<Period> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(period(entries, "REGULAR", Periods.of(MeetingType.REGULAR, LocalDate.of(year, m, 1))));
        }
        List<Period> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            quarters.add(period(entries, "THEMATIC", Periods.of(MeetingType.THEMATIC, LocalDate.of(year, 3 * q - 2, 1))));
        }
        List<Meeting> extraordinary = meetings(entries, e -> "EXTRAORDINARY".equals(e.type()));
        int present = 0;
        int expected = 0;
        for (MeetingCalendar.Entry e : entries.values()) {
            if ("RECORDED".equals(e.status()) && e.present() != null && e.expected() != null) {
                present += e.present();
                expected += e.expected();
            }
        }
        return new BranchYear(branchId, branch.name(), year, months, quarters, extraordinary,
                (int) months.stream().filter(p -> p.status() == MonthStatus.RECORDED).count(),
                (int) quarters.stream().filter(p -> p.status() == MonthStatus.RECORDED).count(),
                expected == 0 ? null : (double) present / expected);
    }

    private static Period period(Map<String, MeetingCalendar.Entry> entries, String type, String period) {
        return new Period(period, MonthStatus.of(entries.values(), type, period),
                meetings(entries, e -> type.equals(e.type()) && period.equals(e.period())));
    }

    private static List<Meeting> meetings(Map<String, MeetingCalendar.Entry> entries, java.util.function.Predicate<MeetingCalendar.Entry> which) {
        return entries.entrySet().stream().filter(e -> which.test(e.getValue()))
                .map(e -> new Meeting(e.getKey(), e.getValue().type(), e.getValue().scope(), e.getValue().day(), e.getValue().status(),
                        e.getValue().closedOn(), e.getValue().present(), e.getValue().expected()))
                .sorted(Comparator.comparing(Meeting::day)).toList();
    }

    record BranchMonth(String branchId, String name, String path, MonthStatus status, List<Meeting> meetings) {
    }

    record CommitteeMonth(String organisationId, String name, String month, int branches, Map<MonthStatus, Integer> counts,
                          List<BranchMonth> items, int page, int size) {
    }

    /**
     * Every branch below a committee with where its regular meeting of {@code month} stands; {@code only} keeps the
     * branches in that state (e.g. NONE: those with nothing on the calendar). Reads the branches' names and paths,
     * then one calendar per branch by its key.
     */
    CommitteeMonth committeeMonth(String organisationId, java.time.YearMonth month, MonthStatus only, int page, int size) {
        BranchRoster unit = rosters.branch(organisationId).orElseThrow(() -> new NotFoundException("organisation", organisationId));
        if (unit.path() == null) {
            throw new InvalidFieldException("organisationId", organisationId + " has no place in the tree yet");
        }
        Query q = Query.query(Criteria.where("path").regex("^" + Pattern.quote(unit.path()))
                .and("kind").in("BRANCH", "GRASSROOTS_BRANCH").and("dissolvedOn").isNull());
        q.fields().include("_id", "name", "path");
        List<Document> branches = new ArrayList<>(mongo.find(q, Document.class, BranchRoster.COLLECTION));
        branches.sort(Comparator.comparing((Document d) -> d.getString("path")));
        String period = Periods.of(MeetingType.REGULAR, month.atDay(1));
        Map<String, MeetingCalendar> calendars = new HashMap<>();
        List<String> keys = branches.stream().map(b -> MeetingCalendar.key(b.getString("_id"), month.getYear())).toList();
        for (MeetingCalendar c : InBatches.find(mongo, "_id", keys, MeetingCalendar.class, MeetingCalendar.COLLECTION)) {
            calendars.put(c.branchId(), c);
        }
        Map<MonthStatus, Integer> counts = new EnumMap<>(MonthStatus.class);
        for (MonthStatus s : MonthStatus.values()) {
            counts.put(s, 0);
        }
        List<BranchMonth> rows = new ArrayList<>();
        for (Document b : branches) {
            MeetingCalendar c = calendars.get(b.getString("_id"));
            Map<String, MeetingCalendar.Entry> entries = c == null || c.meetings() == null ? Map.of() : c.meetings();
            MonthStatus status = MonthStatus.of(entries.values(), "REGULAR", period);
            counts.merge(status, 1, Integer::sum);
            if (only == null || only == status) {
                rows.add(new BranchMonth(b.getString("_id"), b.getString("name"), b.getString("path"), status,
                        meetings(entries, e -> "REGULAR".equals(e.type()) && period.equals(e.period()))));
            }
        }
        int from = Math.min(page * size, rows.size());
        return new CommitteeMonth(organisationId, unit.name(), period, branches.size(), counts,
                rows.subList(from, Math.min(from + size, rows.size())), page, size);
    }
}
