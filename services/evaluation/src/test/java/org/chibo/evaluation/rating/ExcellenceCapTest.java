package org.chibo.evaluation.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExcellenceCapTest {

    private final ExcellenceCap cap = new ExcellenceCap(0.20, "excused absences");

    private static ExcellenceCap.Candidate candidate(String id, Rating ceiling, long present, long expected, int excused) {
        return new ExcellenceCap.Candidate(id, new Assessment(ceiling, List.of(), "v"),
                new ExcellenceCap.Standing(new Turnout(present, expected), excused, id));
    }

    @Test
    void atMostOneFifthOfThoseGoodOrBetterAreExcellentChosenByTurnoutThenBlemishesThenId() {
        List<ExcellenceCap.Candidate> unit = new ArrayList<>();
        unit.add(candidate("e-low-turnout", Rating.EXCELLENT, 15, 16, 0));
        unit.add(candidate("e-b", Rating.EXCELLENT, 16, 16, 1));
        unit.add(candidate("e-a", Rating.EXCELLENT, 16, 16, 1));
        unit.add(candidate("e-best", Rating.EXCELLENT, 16, 16, 0));
        for (int i = 0; i < 6; i++) {
            unit.add(candidate("g-" + i, Rating.GOOD, 16, 16, 0));
        }
        unit.add(candidate("c-0", Rating.COMPLETED, 10, 16, 0));

        List<ExcellenceCap.Outcome> outcomes = cap.apply("b-1", unit);

        assertThat(outcomes).extracting(ExcellenceCap.Outcome::subjectId).containsExactlyElementsOf(
                unit.stream().map(ExcellenceCap.Candidate::subjectId).toList());
        assertThat(outcomes).filteredOn(o -> o.assessment().rating() == Rating.EXCELLENT)
                .extracting(ExcellenceCap.Outcome::subjectId).containsExactlyInAnyOrder("e-best", "e-a");
        ExcellenceCap.Outcome heldBack = outcomes.get(1);
        assertThat(heldBack.assessment().rating()).isEqualTo(Rating.GOOD);
        assertThat(heldBack.assessment().criteria()).last().satisfies(c -> {
            assertThat(c.met()).isFalse();
            assertThat(c.evidence()).startsWith("10 rated GOOD or better in the unit, at most 2 EXCELLENT (20%); ranked 3 of 4 eligible");
        });
        assertThat(outcomes.get(10).assessment().rating()).isEqualTo(Rating.COMPLETED);
    }

    @Test
    void aUnitOfFewerThanFiveGoodOrBetterHasNoExcellent() {
        List<ExcellenceCap.Outcome> outcomes = cap.apply("b-2", List.of(candidate("a", Rating.EXCELLENT, 1, 1, 0),
                candidate("b", Rating.EXCELLENT, 1, 1, 0), candidate("c", Rating.GOOD, 1, 1, 0), candidate("d", Rating.GOOD, 1, 1, 0)));

        assertThat(outcomes).extracting(o -> o.assessment().rating()).containsOnly(Rating.GOOD);
        assertThat(cap.allowed(5)).isEqualTo(1);
        assertThat(cap.allowed(9)).isEqualTo(1);
        assertThat(cap.allowed(10)).isEqualTo(2);
    }

    @Test
    void turnoutIsComparedExactlyAndNoMeetingCountsAsFull() {
        assertThat(new Turnout(2, 3).compareDescending(new Turnout(4, 6))).isZero();
        assertThat(new Turnout(0, 0).compareDescending(new Turnout(9, 10))).isNegative();
        assertThat(new Turnout(9, 10).reaches(0.90)).isTrue();
    }
}
