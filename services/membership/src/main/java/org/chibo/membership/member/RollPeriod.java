package org.chibo.membership.member;

import java.time.LocalDate;

/**
 * A stretch of time on one branch's rolls (danh sách đảng viên của chi bộ): from admission or reception until a
 * transfer's papers were issued or the member left; {@code until} is null while it lasts. A member on the rolls on
 * {@code until} itself is no longer counted, as the branch's roster loses them that day.
 */
public record RollPeriod(String branchId, LocalDate from, LocalDate until) {

    public boolean covers(String branch, LocalDate day) {
        return branchId.equals(branch) && !day.isBefore(from) && (until == null || day.isBefore(until));
    }

    RollPeriod endingOn(LocalDate day) {
        return new RollPeriod(branchId, from, day);
    }
}
