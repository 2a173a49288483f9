package org.chibo.evaluation.scorecard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chibo.chassis.web.NotFoundException;
import org.chibo.evaluation.membership.Membership;
import org.chibo.evaluation.rating.Assessment;
import org.chibo.evaluation.rating.MemberYear;
import org.chibo.evaluation.rating.RuleSet;
import org.chibo.evaluation.rating.RuleSets;
import org.chibo.evaluation.record.MemberRegister;
import org.chibo.evaluation.record.MemberTally;
import org.springframework.stereotype.Service;

/**
 * A member's year so far, added up on request over the records of the branches they sat in (no document per member
 * per meeting is kept: a meeting is one write), with the provisional rating it gives.
 */
@Service
public class MemberScorecards {

    public record MemberScorecard(MemberYear year, String branchId, Assessment provisional) {
    }

    private final Membership membership;
    private final Scorecards scorecards;
    private final RuleSet<MemberYear> rules;

    MemberScorecards(Membership membership, Scorecards scorecards) {
        this.membership = membership;
        this.scorecards = scorecards;
        this.rules = RuleSets.member(scorecards.thresholds());
    }

    public MemberScorecard get(String memberId, int year) {
        MemberRegister register = membership.member(memberId);
        if (register == null || register.getSpells().isEmpty()) {
            throw new NotFoundException("member", memberId);
        }
        List<String> cardIds = register.getSpells().stream().map(MemberRegister.Spell::branchId).distinct()
                .map(branchId -> BranchScorecard.idFor(branchId, year)).toList();
        Map<String, MemberTally> tallies = new HashMap<>();
        scorecards.find(cardIds).forEach(card -> card.record().tally(tallies, scorecards.thresholds()));
        MemberYear figures = register.year(year, tallies.get(memberId));
        String branchId = register.ratedIn(year).map(MemberRegister.Spell::branchId).orElse(null);
        return new MemberScorecard(figures, branchId, RuleSets.provisional(rules.assess(figures)));
    }
}
