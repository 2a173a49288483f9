package org.chibo.meeting.overview;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A branch's year of meetings at a glance, one document per branch and year ({@code _id = <branchId>|<year>}), built
 * from this service's own {@code meeting.events}: a committee's overview reads one document per branch by its key,
 * never scanning the meetings. Disposable: dropped, it is rebuilt by replaying the topic.
 *
 * @param meetings by meeting id
 */
@Document(MeetingCalendar.COLLECTION)
public record MeetingCalendar(@Id String id, String branchId, String organisationPath, int year, Map<String, Entry> meetings) {

    public static final String COLLECTION = "meeting_calendars";

    static String key(String branchId, int year) {
        return branchId + "|" + year;
    }

    /**
     * One meeting as the overview shows it.
     *
     * @param day      the day it is scheduled for, or was held on
     * @param status   SCHEDULED, OPEN (held, minutes not yet closed), RECORDED or CANCELLED
     * @param present  members present, once recorded
     * @param expected members on the roster and not exempt, once opened
     * @param revision the record's amendment count
     */
    public record Entry(String type, String scope, String period, LocalDate day, String status, LocalDate closedOn,
                        Integer present, Integer expected, Integer revision) {
    }
}
