package org.chibo.membership.organisation;

import java.util.List;

/** Chi ủy: bí thư (secretary), phó bí thư (deputies), chi ủy viên (members); member ids of the branch's official members. */
public record BranchCommittee(String secretaryId, List<String> deputyIds, List<String> memberIds) {
}
