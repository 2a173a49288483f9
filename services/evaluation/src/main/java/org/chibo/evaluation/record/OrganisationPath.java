package org.chibo.evaluation.record;

import java.util.Arrays;
import java.util.List;

/**
 * A materialised path of ids from the city down ({@code /city/direct/grassroots/…/branch/}) read for ratings.
 * <ul>
 *   <li>A branch's rating unit is the level-3 organisation above it (the grassroots committee, đảng bộ cơ sở, that
 *   rates its branches); a grassroots branch (chi bộ cơ sở, itself level 3) is rated within its level-2 committee.</li>
 *   <li>Its district (for statistics) is the level-2 committee (Quận ủy, Huyện ủy or Đảng ủy Khối).</li>
 * </ul>
 */
public record OrganisationPath(List<String> ids) {

    public static OrganisationPath parse(String path) {
        return new OrganisationPath(Arrays.stream(path == null ? new String[0] : path.split("/")).filter(s -> !s.isEmpty()).toList());
    }

    /** The unit whose branches are ranked together for the EXCELLENT cap. */
    public String branchRatingUnit() {
        if (ids.size() >= 4) {
            return ids.get(2);
        }
        return ids.size() >= 2 ? ids.get(ids.size() - 2) : "city";
    }

    public String district() {
        return ids.size() >= 2 ? ids.get(1) : "city";
    }
}
