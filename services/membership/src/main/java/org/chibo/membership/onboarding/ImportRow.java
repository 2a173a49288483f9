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

    record UnitRow(String record, String code, String name, OrganisationKind kind, String parentCode,
                   BranchKind branchKind, Integer meetingDay) implements ImportRow {
    }

    record MemberRow(String record, String cardNumber, String fullName, Gender gender, LocalDate birthDate,
                     String branchCode, MemberStatus status, LocalDate admittedOn, LocalDate recognisedOn) implements ImportRow {
    }
}
