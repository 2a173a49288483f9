package org.chibo.membership.member;

import org.chibo.membership.organisation.OrganisationKind;
import org.chibo.membership.organisation.OrganisationUnit;

/**
 * Which party cell (tổ đảng) a member may be put in. A cell keeps no rolls: the member stays on the branch's, and
 * the cell only groups them for meetings by cell, so it must be a cell of that very branch and still exist.
 */
public final class CellRules {

    private CellRules() {
    }

    /** Why a member of {@code branchId} cannot be put in {@code cell}, or null when they can. */
    public static String problem(OrganisationUnit cell, String branchId) {
        if (cell.getKind() != OrganisationKind.CELL) {
            return cell.getName() + " is a " + cell.getKind() + ", not a party cell (tổ đảng)";
        }
        if (!branchId.equals(cell.getParentId())) {
            return "party cell " + cell.getName() + " belongs to another branch than the member's";
        }
        if (cell.isDissolved()) {
            return cell.getName() + " was dissolved on " + cell.getDissolvedOn();
        }
        return null;
    }
}
