package org.chibo.citysim.ratings;

import java.util.List;

/**
 * The final rating the ground truth implies for one member or branch.
 *
 * @param subjectId the platform's id (or, without a platform, the card number or code)
 * @param label     the card number or branch code, for a person reading the report
 * @param unitId    the rating unit the cap is counted in
 */
public record ExpectedRating(SubjectType subjectType, String subjectId, String label, String unitId, Level rating,
                             List<ExpectedCriterion> criteria) {

    public enum SubjectType { MEMBER, BRANCH }

    public ExpectedRating {
        criteria = List.copyOf(criteria);
    }

    public String key() {
        return subjectType + ":" + subjectId;
    }
}
