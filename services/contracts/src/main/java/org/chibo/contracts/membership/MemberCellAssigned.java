package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A member was assigned to a party cell (tổ đảng) of their branch, or taken out of every cell
 * (chibo.membership.member-cell-assigned.v1). Keyed by member id. A later one replaces the earlier; a reception
 * onto another branch ({@code member-received}) leaves the member in no cell.
 *
 * @param cellId the cell, a unit of kind CELL under {@code branchId}; null when the member is in no cell
 * @param on     the day the assignment was recorded
 */
public record MemberCellAssigned(String memberId, String branchId, String cellId, LocalDate on) {
}
