package org.chibo.citysim;

import java.text.Normalizer;
import java.util.List;

/**
 * One of the city's direct committees as the catalogue describes it: its real name, what it covers, its wards or
 * communes (one territorial grassroots committee each), the names of its other grassroots committees, and its
 * usual number of grassroots committees and grassroots branches (the weights the exact profile totals are split by).
 *
 * @param localName how its units' names refer to it ("quận Lê Chân"), empty for a bloc
 * @param places    wards ("An Biên") or communes ("Kiền Bái", "thị trấn Núi Đèo")
 */
record DirectCommittee(String name, Sector sector, String localName, List<String> places, List<String> otherCommittees,
                       int grassrootsCommittees, int grassrootsBranches) {

    DirectCommittee {
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        localName = Normalizer.normalize(localName, Normalizer.Form.NFC);
        places = UnitNames.nfc(places);
        otherCommittees = UnitNames.nfc(otherCommittees);
    }

    boolean territorial() {
        return sector == Sector.URBAN_DISTRICT || sector == Sector.RURAL_DISTRICT;
    }
}
