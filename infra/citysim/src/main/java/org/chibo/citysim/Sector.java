package org.chibo.citysim;

/** What a direct committee (đảng bộ trực thuộc) covers; it decides what its grassroots units are and hold. */
enum Sector {
    URBAN_DISTRICT,
    RURAL_DISTRICT,
    AGENCY_BLOC,
    ENTERPRISE_BLOC,
    MILITARY,
    POLICE,
    BORDER_GUARD,
    ENTERPRISE,
    UNIVERSITY,
    HOSPITAL,
    STATE_AGENCY
}
