package org.chibo.evaluation.rating;

import java.util.List;
import java.util.Set;

/**
 * The calendar periods (months {@code 2025-03} or quarters {@code 2025-Q1}) a branch had to hold a meeting for, those
 * it held one for, and those whose meeting was also recorded on time.
 */
public record PeriodsHeld(List<String> required, Set<String> held, Set<String> onTime) {

    public PeriodsHeld {
        required = List.copyOf(required);
        held = Set.copyOf(held);
        onTime = Set.copyOf(onTime);
    }

    public List<String> missing() {
        return required.stream().filter(p -> !held.contains(p)).toList();
    }

    public List<String> late() {
        return required.stream().filter(p -> held.contains(p) && !onTime.contains(p)).toList();
    }

    public int heldCount() {
        return (int) required.stream().filter(held::contains).count();
    }

    public int onTimeCount() {
        return (int) required.stream().filter(onTime::contains).count();
    }

    public boolean allOnTime() {
        return onTime.containsAll(required);
    }
}
