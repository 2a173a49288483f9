package org.chibo.citysim;

/**
 * One {@code "record":"unit"} line. {@code parentCode} is null only for the city; {@code branchKind} only for
 * BRANCH and GRASSROOTS_BRANCH; {@code meetingDay} (1–28) is optional and only for those two as well.
 */
public record Unit(String code, String name, UnitKind kind, String parentCode, BranchKind branchKind, Integer meetingDay) {
}
