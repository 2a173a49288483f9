package org.chibo.membership.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One line of the work history (quá trình công tác): from a month, until a month or still there. Months, as the paper
 * CV has them, kept as {@code YYYY-MM} text like the dues months.
 *
 * @param until null while the member still holds the position
 */
public record WorkPeriod(@NotNull @Pattern(regexp = MemberProfile.MONTH, message = "a month as YYYY-MM") String from,
                         @Pattern(regexp = MemberProfile.MONTH, message = "a month as YYYY-MM") String until,
                         @NotBlank @Size(max = 200) String position,
                         @NotBlank @Size(max = 200) String organisation) {
}
