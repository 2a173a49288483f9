package org.chibo.membership.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void anEmptyProfilePasses() {
        assertThat(ProfileRules.check(MemberProfile.EMPTY, TODAY)).isNull();
    }

    @Test
    void aWorkPeriodEndsAfterItStartsAndNeitherIsInTheFuture() {
        assertThat(ProfileRules.check(work(period("2008-09", "2015-02"), period("2015-03", null)), TODAY)).isNull();
        assertThat(ProfileRules.check(work(period("2026-11", "2026-11")), TODAY)).isNull();
        assertThat(ProfileRules.check(work(period("2008-09", "2015-02"), period("2015-03", "2015-02")), TODAY).field())
                .isEqualTo("workHistory[1].until");
        assertThat(ProfileRules.check(work(period("2026-12", null)), TODAY).field()).isEqualTo("workHistory[0].from");
        assertThat(ProfileRules.check(work(period("2020-01", "2026-12")), TODAY).field()).isEqualTo("workHistory[0].until");
    }

    @Test
    void anAwardIsNotDecidedInTheFuture() {
        assertThat(ProfileRules.check(awards(LocalDate.of(2020, 5, 19), TODAY), TODAY)).isNull();
        assertThat(ProfileRules.check(awards(LocalDate.of(2020, 5, 19), TODAY.plusDays(1)), TODAY).field()).isEqualTo("awards[1].on");
    }

    @Test
    void nobodyCompletesMoreGradesThanTheSystemHas() {
        assertThat(ProfileRules.check(education("12/12"), TODAY)).isNull();
        assertThat(ProfileRules.check(education("7/10"), TODAY)).isNull();
        assertThat(ProfileRules.check(education("12/10"), TODAY).field()).isEqualTo("education.generalEducation");
    }

    @Test
    void theSectionsThatChangedAreNamedInTheOrderOfTheCv() {
        MemberProfile before = work(period("2008-09", null));
        MemberProfile after = new MemberProfile(new Identity("Kinh", null, null, null, null, null, null), null,
                List.of(period("2008-09", "2015-02")), null);

        assertThat(after.sectionsChangedFrom(before)).containsExactly("identity", "workHistory");
        assertThat(before.sectionsChangedFrom(work(period("2008-09", null)))).isEmpty();
        assertThat(MemberProfile.EMPTY.sectionsChangedFrom(new MemberProfile(Identity.EMPTY, Education.EMPTY, List.of(), List.of())))
                .isEmpty();
    }

    private static WorkPeriod period(String from, String until) {
        return new WorkPeriod(from, until, "Chuyên viên", "Sở Tài chính Hải Phòng");
    }

    private static MemberProfile work(WorkPeriod... periods) {
        return new MemberProfile(null, null, List.of(periods), null);
    }

    private static MemberProfile awards(LocalDate... decided) {
        return new MemberProfile(null, null, null, java.util.Arrays.stream(decided).map(on -> new Award(on, "Bằng khen", null)).toList());
    }

    private static MemberProfile education(String grades) {
        return new MemberProfile(null, new Education(grades, null, null, null, null), null, null);
    }
}
