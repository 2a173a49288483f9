package org.chibo.citysim;

/**
 * What a grassroots committee (đảng bộ cơ sở) is: a ward, town or commune (territorial, holding residential-group or
 * village branches), or an agency, enterprise, military, police or health unit. The weight is its usual number of
 * branches relative to the others, before the exact total is apportioned.
 */
enum GrassrootsType {
    WARD(15, false),
    TOWN(13, false),
    COMMUNE(17, false),
    AGENCY(6, true),
    STATE_AGENCY(6, true),
    ENTERPRISE(7, true),
    MILITARY(7, true),
    POLICE(7, true),
    BORDER_POST(5, true),
    UNIVERSITY(9, true),
    HOSPITAL(10, true),
    HEALTH_CENTRE(6, true);

    final double branchWeight;
    /** Territorial committees keep their branches directly; the others may group them in partial committees. */
    final boolean mayHavePartials;

    GrassrootsType(double branchWeight, boolean mayHavePartials) {
        this.branchWeight = branchWeight;
        this.mayHavePartials = mayHavePartials;
    }
}
