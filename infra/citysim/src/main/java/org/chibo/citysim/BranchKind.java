package org.chibo.citysim;

/**
 * What a branch gathers (chi bộ tổ dân phố, thôn, cơ quan, doanh nghiệp, trường học, y tế, lực lượng vũ trang, công an,
 * hưu trí), with the size its rolls usually have and the share of men among its members.
 */
public enum BranchKind {
    //                 members: min usual max   share male
    RESIDENTIAL_GROUP(15, 27, 47, 0.50),
    VILLAGE(13, 26, 46, 0.52),
    AGENCY(5, 12, 26, 0.48),
    ENTERPRISE(5, 12, 60, 0.55),
    SCHOOL(8, 15, 31, 0.28),
    HEALTH(6, 14, 32, 0.33),
    ARMED_FORCES(10, 18, 41, 0.92),
    POLICE(10, 19, 41, 0.86),
    RETIREES(10, 27, 52, 0.58);

    final int minMembers;
    final int usualMembers;
    final int maxMembers;
    final double maleShare;

    BranchKind(int minMembers, int usualMembers, int maxMembers, double maleShare) {
        this.minMembers = minMembers;
        this.usualMembers = usualMembers;
        this.maxMembers = maxMembers;
        this.maleShare = maleShare;
    }

    /**
     * The size a branch of this kind is drawn from. {@code local}: the government, police, military, clinic or
     * school branch of a ward or commune, which is much smaller than a city department or a regiment's.
     */
    BranchSizer.Shape shape(boolean local) {
        if (local) {
            switch (this) {
                case AGENCY: return new BranchSizer.Shape(5, 10, 20);
                case POLICE: return new BranchSizer.Shape(4, 8, 16);
                case ARMED_FORCES: return new BranchSizer.Shape(4, 7, 14);
                case HEALTH: return new BranchSizer.Shape(3, 5, 10);
                case SCHOOL: return new BranchSizer.Shape(6, 12, 22);
                default: break;
            }
        }
        return new BranchSizer.Shape(minMembers, usualMembers, maxMembers);
    }
}
