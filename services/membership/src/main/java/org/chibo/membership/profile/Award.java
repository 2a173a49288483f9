package org.chibo.membership.profile;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Khen thưởng: one award.
 *
 * @param on          the date of the decision
 * @param title       hình thức khen thưởng, e.g. "Huy hiệu 30 năm tuổi Đảng", "Bằng khen của Thành ủy"
 * @param decisionRef the decision's number, e.g. "125-QĐ/TU"
 */
public record Award(@NotNull LocalDate on, @NotBlank @Size(max = 200) String title, @Size(max = 64) String decisionRef) {
}
