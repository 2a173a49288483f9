package org.chibo.citysim;

import java.util.List;

/**
 * The planned tree: every unit in output order (each parent before its children), and the roll size of every
 * branch in the same order, so members can be generated branch by branch afterwards.
 */
record UnitPlan(List<Unit> units, List<Roll> rolls) {

    /** A branch (BRANCH or GRASSROOTS_BRANCH) and how many members its rolls hold. */
    record Roll(String branchCode, BranchKind kind, int members) {
    }
}
