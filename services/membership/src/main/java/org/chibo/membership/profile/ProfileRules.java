package org.chibo.membership.profile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.chibo.membership.member.AdmissionRules;

/**
 * The checks of a profile that bean validation cannot make on one field: dates against today and against each other.
 * Plain Java, run after bean validation (so months and grades are well formed); returns the first problem, naming the
 * field by its JSON path (e.g. {@code workHistory[2].until}), or null.
 */
public final class ProfileRules {

    private ProfileRules() {
    }

    public static AdmissionRules.Problem check(MemberProfile profile, LocalDate today) {
        AdmissionRules.Problem problem = generalEducation(profile.education().generalEducation());
        if (problem == null) {
            problem = workHistory(profile.workHistory(), YearMonth.from(today));
        }
        return problem == null ? awards(profile.awards(), today) : problem;
    }

    /** "12/10" cannot be: nobody completes more grades than the system has. */
    static AdmissionRules.Problem generalEducation(String grades) {
        if (grades == null) {
            return null;
        }
        String[] parts = grades.split("/");
        return Integer.parseInt(parts[0]) <= Integer.parseInt(parts[1]) ? null : new AdmissionRules.Problem(
                "education.generalEducation", grades + ": more grades completed than the system has");
    }

    static AdmissionRules.Problem workHistory(List<WorkPeriod> periods, YearMonth thisMonth) {
        for (int i = 0; i < periods.size(); i++) {
            String at = "workHistory[" + i + "]";
            YearMonth from = YearMonth.parse(periods.get(i).from());
            if (from.isAfter(thisMonth)) {
                return new AdmissionRules.Problem(at + ".from", "starts in " + from + ", in the future");
            }
            if (periods.get(i).until() == null) {
                continue;
            }
            YearMonth until = YearMonth.parse(periods.get(i).until());
            if (until.isBefore(from)) {
                return new AdmissionRules.Problem(at + ".until", "ends in " + until + ", before it starts in " + from);
            }
            if (until.isAfter(thisMonth)) {
                return new AdmissionRules.Problem(at + ".until", "ends in " + until + ", in the future: leave it out while"
                        + " the member still holds the position");
            }
        }
        return null;
    }

    static AdmissionRules.Problem awards(List<Award> awards, LocalDate today) {
        for (int i = 0; i < awards.size(); i++) {
            if (awards.get(i).on().isAfter(today)) {
                return new AdmissionRules.Problem("awards[" + i + "].on", "decided on " + awards.get(i).on() + ", in the future");
            }
        }
        return null;
    }
}
