package org.chibo.contracts.membership;

import java.util.List;

/**
 * A branch's committee (chi ủy) as it now stands (chibo.membership.branch-committee-set.v1). Keyed by branch id.
 *
 * @param secretaryId bí thư
 * @param deputyIds   phó bí thư
 * @param memberIds   chi ủy viên (besides secretary and deputies)
 */
public record BranchCommitteeSet(String branchId, String secretaryId, List<String> deputyIds, List<String> memberIds) {
}
