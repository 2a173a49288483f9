package org.chibo.meeting.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RosterChangeFoldingTest {

    private static RosterMember member(String id, String status) {
        return new RosterMember(id, "Đảng viên " + id, status, null, null, null);
    }

    @Test
    void consecutivePutsOnOneRosterBecomeOneWriteAndOtherChangesKeepTheirPlace() {
        List<BranchRosters.Change> folded = BranchRosters.folded(List.of(
                BranchRosters.putMember("A", member("a1", "OFFICIAL")),
                BranchRosters.putMember("B", member("b1", "OFFICIAL")),
                BranchRosters.putMember("A", member("a2", "PROBATIONARY")),
                BranchRosters.recognise("A", "a2", java.time.LocalDate.of(2026, 1, 5)),
                BranchRosters.putMember("A", member("a3", "OFFICIAL")),
                BranchRosters.putMember("B", member("b2", "OFFICIAL"))));

        assertThat(folded).extracting(BranchRosters.Change::branchId).containsExactly("A", "B", "A", "A");
        assertThat(folded.get(0).update().getUpdateObject().get("$set", org.bson.Document.class).keySet())
                .containsExactly("members.a1", "members.a2");
        assertThat(folded.get(1).update().getUpdateObject().get("$set", org.bson.Document.class).keySet())
                .containsExactly("members.b1", "members.b2");
        // a3 comes after the recognition of a2, so it is not folded into the write before it
        assertThat(folded.get(2).upsert()).isFalse();
        assertThat(folded.get(3).update().getUpdateObject().get("$set", org.bson.Document.class).keySet())
                .containsExactly("members.a3");
    }

    @Test
    void aCellChangeIsNeverFoldedAndOnlyTouchesAMemberTheRosterHolds() {
        List<BranchRosters.Change> folded = BranchRosters.folded(List.of(
                BranchRosters.putMember("A", member("a1", "OFFICIAL")),
                BranchRosters.assignCell("A", "a1", "cell-1"),
                BranchRosters.putMember("A", member("a2", "OFFICIAL"))));

        assertThat(folded).hasSize(3);
        assertThat(folded.get(1).upsert()).isFalse();
        assertThat(folded.get(1).query().getQueryObject().keySet()).containsExactly("_id", "members.a1");
        assertThat(folded.get(1).update().getUpdateObject().get("$set", org.bson.Document.class))
                .containsEntry("members.a1.cellId", "cell-1");
    }

    @Test
    void theLaterPutOfTheSameMemberWins() {
        List<BranchRosters.Change> folded = BranchRosters.folded(List.of(
                BranchRosters.putMember("A", member("a1", "PROBATIONARY")),
                BranchRosters.putMember("A", member("a1", "OFFICIAL"))));

        assertThat(folded).hasSize(1);
        RosterMember kept = (RosterMember) folded.get(0).update().getUpdateObject().get("$set", org.bson.Document.class).get("members.a1");
        assertThat(kept.status()).isEqualTo("OFFICIAL");
    }
}
