package org.chibo.membership.organisation;

/** What a branch gathers: chi bộ tổ dân phố, thôn, cơ quan, doanh nghiệp, trường học, y tế, lực lượng vũ trang, công an, hưu trí. */
public enum BranchKind {
    RESIDENTIAL_GROUP,
    VILLAGE,
    AGENCY,
    ENTERPRISE,
    SCHOOL,
    HEALTH,
    ARMED_FORCES,
    POLICE,
    RETIREES
}
