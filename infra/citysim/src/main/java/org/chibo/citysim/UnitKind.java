package org.chibo.citysim;

/** The levels of the party organisation tree, as the membership service names them (domain.md). */
public enum UnitKind {
    CITY_COMMITTEE,
    DIRECT_COMMITTEE,
    GRASSROOTS_COMMITTEE,
    GRASSROOTS_BRANCH,
    PARTIAL_COMMITTEE,
    BRANCH,
    CELL;

    /** Only branches keep members on their rolls; a cell (tổ đảng) groups a branch's members but has no rolls. */
    public boolean holdsMembers() {
        return this == BRANCH || this == GRASSROOTS_BRANCH;
    }

    /** Whether a unit of this kind may sit directly under a unit of {@code parent} kind (null: a root). */
    public boolean allowedUnder(UnitKind parent) {
        return switch (this) {
            case CITY_COMMITTEE -> parent == null;
            case DIRECT_COMMITTEE -> parent == CITY_COMMITTEE;
            case GRASSROOTS_COMMITTEE, GRASSROOTS_BRANCH -> parent == DIRECT_COMMITTEE;
            case PARTIAL_COMMITTEE -> parent == GRASSROOTS_COMMITTEE;
            case BRANCH -> parent == GRASSROOTS_COMMITTEE || parent == PARTIAL_COMMITTEE;
            case CELL -> parent == BRANCH || parent == GRASSROOTS_BRANCH;
        };
    }
}
