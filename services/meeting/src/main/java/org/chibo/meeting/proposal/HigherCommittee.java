package org.chibo.meeting.proposal;

import org.chibo.chassis.web.InvalidFieldException;

/**
 * Where a branch's proposals go: the unit directly above it, read off its materialised path
 * ({@code /cityId/…/parentId/branchId/}). The path is the projection's, so a move of the branch re-routes later
 * proposals without anyone telling this service who the parent is.
 */
final class HigherCommittee {

    private HigherCommittee() {
    }

    static String of(String branchId, String path) {
        String[] ids = path == null ? new String[0] : path.replaceAll("^/|/$", "").split("/");
        if (ids.length < 2 || !ids[ids.length - 1].equals(branchId)) {
            throw new InvalidFieldException("branchId", "branch " + branchId + " has no higher committee in its path "
                    + path + ", so a proposal from it has nowhere to go");
        }
        return ids[ids.length - 2];
    }
}
