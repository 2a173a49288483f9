package org.chibo.membership.dues;

import java.math.BigDecimal;

/**
 * One row of the dues table (Quy định 01-QĐ/TW 2016): a share of the monthly income, or a fixed monthly amount.
 *
 * @param share       e.g. 0.01 for 1% of salary; null for a fixed amount
 * @param fixedAmount monthly amount in đồng; null for a share
 */
public record DuesRate(BigDecimal share, Long fixedAmount) {

    public boolean needsIncome() {
        return share != null;
    }
}
