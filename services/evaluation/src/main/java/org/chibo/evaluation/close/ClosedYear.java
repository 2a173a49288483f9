package org.chibo.evaluation.close;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.contracts.evaluation.YearClosed;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A rating year closed once, with what the close found; closing it again answers this. */
@Document(ClosedYear.COLLECTION)
public class ClosedYear {

    public static final String COLLECTION = "closed_years";

    @Id
    private int year;
    private YearClosed figures;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    private Long version;

    protected ClosedYear() {
    }

    ClosedYear(YearClosed figures) {
        this.year = figures.year();
        this.figures = figures;
    }

    /** A closed year read back from its event (a rebuild): nothing left to publish. */
    public static ClosedYear restored(YearClosed figures) {
        return new ClosedYear(figures);
    }

    void raise(PendingEvent event) {
        pendingEvents.add(event);
    }

    public YearClosed getFigures() {
        return figures;
    }

    /** What a close answers: its figures, and whether this call found the year closed already. */
    public record Answer(int year, int membersRated, int branchesRated, Map<String, Integer> membersByRating,
                         Map<String, Integer> branchesByRating, String memberRuleSet, String branchRuleSet, String closedBy,
                         Instant closedAt, long durationMillis, boolean alreadyClosed) {

        static Answer of(YearClosed y, boolean alreadyClosed) {
            return new Answer(y.year(), y.membersRated(), y.branchesRated(), y.membersByRating(), y.branchesByRating(),
                    y.memberRuleSet(), y.branchRuleSet(), y.closedBy(), y.closedAt(), y.durationMillis(), alreadyClosed);
        }
    }
}
