package org.chibo.citysim;

import java.time.LocalDate;

/** One {@code "record":"member"} line. {@code recognisedOn} is null exactly when the member is PROBATIONARY. */
public record Member(String cardNumber, String fullName, Gender gender, LocalDate birthDate, String branchCode,
                     Status status, LocalDate admittedOn, LocalDate recognisedOn) {

    public enum Gender { MALE, FEMALE }

    /** dự bị → chính thức (Party Charter art. 5). */
    public enum Status { PROBATIONARY, OFFICIAL }
}
