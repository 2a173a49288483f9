package org.chibo.membership.member;

import java.time.LocalDate;

/** What is known of a member when they join the rolls, by admission (kết nạp) or by onboarding an existing register. */
public record NewMember(String fullName, String cardNumber, MemberStatus status, Gender gender, LocalDate birthDate,
                        LocalDate admittedOn, LocalDate recognisedOn) {
}
