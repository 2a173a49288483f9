package org.chibo.meeting.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A branch and its members in one document, keyed by the branch id: opening or recording a meeting reads one
 * document by its key, whatever the size of the city. A disposable projection of {@code membership.events}.
 *
 * @param meetingDay the branch's fixed monthly meeting day (1–28), or null when it has none
 * @param kind null until the branch's own registration event has arrived (members may arrive first: they travel
 *             under their own keys)
 */
@Document(BranchRoster.COLLECTION)
public record BranchRoster(@Id String branchId, String kind, String name, String path, java.time.LocalDate dissolvedOn,
                           Map<String, RosterMember> members, OnlineApproval online, String secretaryId,
                           List<String> deputyIds, Integer meetingDay) {

    /** The branch's approval for online meetings (03-HD/TW) as membership last published it. */
    public record OnlineApproval(boolean eligible, java.time.LocalDate from, java.time.LocalDate until) {
    }

    /** Whether a meeting on {@code day} may be held online or hybrid. */
    public boolean mayMeetOnline(java.time.LocalDate day) {
        return online != null && online.eligible() && !day.isBefore(online.from())
                && (online.until() == null || !day.isAfter(online.until()));
    }

    public static final String COLLECTION = "branch_rosters";

    public boolean isKnown() {
        return kind != null;
    }

    public boolean holdsMeetings() {
        return dissolvedOn == null && ("BRANCH".equals(kind) || "GRASSROOTS_BRANCH".equals(kind));
    }

    /** A party cell (tổ đảng) of {@code branch}: its path is the branch's path plus its own id. */
    public boolean isCellOf(BranchRoster branch) {
        return "CELL".equals(kind) && path != null && path.equals(branch.path() + branchId + "/");
    }

    public List<RosterMember> memberList() {
        return members == null ? List.of() : new ArrayList<>(members.values());
    }
}
