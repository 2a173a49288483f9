package org.chibo.membership.onboarding;

import java.time.LocalDate;

import org.chibo.membership.member.Gender;
import org.chibo.membership.member.MemberStatus;
import org.chibo.membership.organisation.BranchKind;
import org.chibo.membership.organisation.OrganisationKind;

/**
 * One line of the onboarding file (JSON Lines; format in the service README). The {@code record} field says which.
 * Units are identified by their code, members by their card number: both are the keys that make a re-import a no-op.
 */
sealed interface ImportRow {

    String CODE_PATTERN = "[A-Za-z0-9._-]{1,64}";
    String CARD_PATTERN = "[A-Za-z0-9-]{4,32}";

    /** {@code dissolvedOn} is there so an export re-imports as it is: it must say what the register says. */
    record UnitRow(String record, String code, String name, OrganisationKind kind, String parentCode,
                   BranchKind branchKind, Integer meetingDay, LocalDate dissolvedOn) implements ImportRow {
    }

    /** {@code cellCode}: the party cell (tổ đảng) of the member's branch they are in, or null. */
    record MemberRow(String record, String cardNumber, String fullName, Gender gender, LocalDate birthDate,
                     String branchCode, String cellCode, MemberStatus status, LocalDate admittedOn,
                     LocalDate recognisedOn) implements ImportRow {
    }
}
