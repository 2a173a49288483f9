package org.chibo.membership.organisation;

import java.util.Set;

/** The six levels of the tree (hệ thống tổ chức đảng) and which may sit under which. */
public enum OrganisationKind {
    /** Đảng bộ thành phố, led by the Thành ủy. */
    CITY_COMMITTEE,
    /** Đảng bộ trực thuộc: a district (Quận ủy/Huyện ủy) or bloc (Đảng ủy Khối) committee. */
    DIRECT_COMMITTEE,
    /** Đảng bộ cơ sở. */
    GRASSROOTS_COMMITTEE,
    /** Chi bộ cơ sở: a branch with no level 4-5 above it. */
    GRASSROOTS_BRANCH,
    /** Đảng bộ bộ phận (optional level). */
    PARTIAL_COMMITTEE,
    /** Chi bộ trực thuộc. */
    BRANCH,
    /** Tổ đảng inside a large branch. */
    CELL;

    /** Kinds that may be this kind's parent; an empty set means it is a root. */
    public Set<OrganisationKind> allowedParents() {
        return switch (this) {
            case CITY_COMMITTEE -> Set.of();
            case DIRECT_COMMITTEE -> Set.of(CITY_COMMITTEE);
            case GRASSROOTS_COMMITTEE, GRASSROOTS_BRANCH -> Set.of(DIRECT_COMMITTEE);
            case PARTIAL_COMMITTEE -> Set.of(GRASSROOTS_COMMITTEE);
            case BRANCH -> Set.of(GRASSROOTS_COMMITTEE, PARTIAL_COMMITTEE);
            case CELL -> Set.of(BRANCH, GRASSROOTS_BRANCH);
        };
    }

    /**
     * A branch may be registered on its own, without its committees, while a city onboards piece by piece;
     * every other unit below the city needs its parent.
     */
    public boolean mayStandAlone() {
        return this == CITY_COMMITTEE || this == BRANCH || this == GRASSROOTS_BRANCH;
    }

    /** Where members are kept on the rolls (sinh hoạt): branches, never committees or cells. */
    public boolean holdsMembers() {
        return this == BRANCH || this == GRASSROOTS_BRANCH;
    }
}
