package org.chibo.membership.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AdmissionRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void aProbationaryMemberAdmittedThisYearPasses() {
        assertThat(AdmissionRules.check(member(MemberStatus.PROBATIONARY, "2026-03-01", null), TODAY)).isNull();
    }

    @Test
    void nobodyIsOfficialBeforeTwelveMonthsOfProbation() {
        assertThat(AdmissionRules.check(member(MemberStatus.OFFICIAL, "2026-03-01", null), TODAY).field()).isEqualTo("status");
        assertThat(AdmissionRules.check(member(MemberStatus.OFFICIAL, "2020-03-01", "2020-12-01"), TODAY).field()).isEqualTo("recognisedOn");
        assertThat(AdmissionRules.check(member(MemberStatus.OFFICIAL, "2020-03-01", "2021-03-01"), TODAY)).isNull();
        assertThat(AdmissionRules.check(member(MemberStatus.OFFICIAL, "2020-03-01", null), TODAY)).isNull();
    }

    @Test
    void datesMustBePossible() {
        assertThat(AdmissionRules.check(member(MemberStatus.PROBATIONARY, "2027-01-01", null), TODAY).field()).isEqualTo("admittedOn");
        NewMember tooYoung = new NewMember("Lê Văn Nhỏ", "HP-1234", MemberStatus.PROBATIONARY, Gender.MALE,
                LocalDate.of(2010, 1, 1), LocalDate.of(2026, 1, 1), null);
        assertThat(AdmissionRules.check(tooYoung, TODAY).field()).isEqualTo("admittedOn");
        assertThat(AdmissionRules.check(member(MemberStatus.PROBATIONARY, "2026-03-01", "2026-04-01"), TODAY).field()).isEqualTo("recognisedOn");
    }

    private static NewMember member(MemberStatus status, String admitted, String recognised) {
        return new NewMember("Nguyễn Thị Hoa", "HP-0001", status, Gender.FEMALE, LocalDate.of(1970, 5, 1),
                LocalDate.parse(admitted), recognised == null ? null : LocalDate.parse(recognised));
    }
}
