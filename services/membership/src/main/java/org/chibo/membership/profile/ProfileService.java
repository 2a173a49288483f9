package org.chibo.membership.profile;

import java.time.Clock;
import java.util.List;

import org.chibo.chassis.outbox.Conflicts;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.membership.member.AdmissionRules;
import org.chibo.membership.member.HistoryEntry;
import org.chibo.membership.member.Member;
import org.chibo.membership.member.MemberService;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Lý lịch đảng viên: read and replace a member's CV. A change is kept in the member's history but raises no event:
 * no other service needs the CV, and personal data stays in this service.
 */
@Service
public class ProfileService {

    static final String PROFILE_UPDATED = "PROFILE_UPDATED";

    private final MongoTemplate mongo;
    private final MemberService members;
    private final Clock clock;

    ProfileService(MongoTemplate mongo, MemberService members, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.clock = clock;
    }

    /** Also for a member who left the rolls: the record stays readable. */
    public MemberProfile get(String memberId) {
        return members.get(memberId).getProfile();
    }

    /**
     * Replaces the whole profile in one write with its history entry. The profile is checked before the member is
     * loaded; a member who left the rolls is refused, like every other change to their record. The same profile
     * again changes nothing and writes nothing.
     */
    public MemberProfile replace(String memberId, MemberProfile profile) {
        AdmissionRules.Problem problem = ProfileRules.check(profile, BusinessDates.today(clock));
        if (problem != null) {
            throw new InvalidFieldException(problem.field(), problem.reason());
        }
        return Conflicts.retry(() -> {
            Member member = members.getOnRolls(memberId);
            List<String> changed = profile.sectionsChangedFrom(member.getProfile());
            if (!changed.isEmpty()) {
                // the entry names sections only: the history must not become a second copy of the personal data
                member.setProfile(profile, new HistoryEntry(clock.instant(), PROFILE_UPDATED, "changed: " + String.join(", ", changed)));
                mongo.save(member);
            }
            return member.getProfile();
        });
    }
}
