package org.chibo.citysim.meetings;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.chibo.citysim.Member;

/**
 * Who chairs and who takes the minutes when they are there: the secretary (bí thư), the deputy (phó bí thư) and the
 * member who usually keeps the minutes. All three are official members all year and never exempt; a small branch
 * may have no deputy or no separate minute-keeper. The city file has no committees, so the generator picks them.
 */
record Committee(String secretary, String deputy, String clerk) {

    static Committee choose(List<Member> members, Roster roster, int year, SplittableRandom random) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        List<Member> candidates = new ArrayList<>(members.stream()
                .filter(m -> ExemptionPlanner.officialBy(m, jan1) && !roster.everExempt(m.cardNumber())).toList());
        // working age first (a secretary is usually 35–65), the rest by a random draw so the choice varies by branch
        double[] draw = new double[candidates.size()];
        for (int i = 0; i < draw.length; i++) {
            draw[i] = random.nextDouble();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> workingAge(candidates.get(i), jan1) ? 0 : 1).thenComparing(i -> draw[i]));
        String secretary = order.size() > 0 ? candidates.get(order.get(0)).cardNumber() : null;
        String deputy = order.size() > 1 ? candidates.get(order.get(1)).cardNumber() : null;
        String clerk = order.size() > 2 ? candidates.get(order.get(2)).cardNumber() : null;
        return new Committee(secretary, deputy, clerk);
    }

    boolean includes(String card) {
        return card.equals(secretary) || card.equals(deputy) || card.equals(clerk);
    }

    private static boolean workingAge(Member m, LocalDate day) {
        int age = Period.between(m.birthDate(), day).getYears();
        return age >= 35 && age <= 65;
    }
}
