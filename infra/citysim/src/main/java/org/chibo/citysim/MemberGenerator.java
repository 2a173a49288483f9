package org.chibo.citysim;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The members on one branch's rolls. Ages follow the branch kind (residential groups and villages are mostly
 * retirees, schools, enterprises and the armed forces younger); admission is at 18 or later; a member admitted in
 * the 12 months before the reference date is PROBATIONARY, everyone else OFFICIAL with a recognition decision a
 * few weeks after the 12 months of probation. Everything is relative to the reference date, never to today.
 */
final class MemberGenerator {

    static final int PROBATION_MONTHS = 12;
    static final int MIN_AGE = 18;
    static final int MAX_AGE = 95;
    /** An official member had a year of probation after 18 and a recognition decision since: 20 at the least. */
    static final int MIN_OFFICIAL_AGE = 20;

    private final SplittableRandom random;
    private final LocalDate referenceDate;
    private final CardNumbers cards;
    private long issued;

    MemberGenerator(SplittableRandom random, LocalDate referenceDate) {
        this.random = random;
        this.referenceDate = referenceDate;
        this.cards = new CardNumbers(random.split());
    }

    void generate(UnitPlan.Roll roll, Consumer<Member> out) {
        for (int i = 0; i < roll.members(); i++) {
            out.accept(next(roll));
        }
    }

    private Member next(UnitPlan.Roll roll) {
        BranchKind kind = roll.kind();
        Member.Gender gender = random.nextDouble() < kind.maleShare ? Member.Gender.MALE : Member.Gender.FEMALE;
        int age = AgeBands.of(kind).draw(random);
        boolean probationary = random.nextDouble() < probationaryChance(age);
        if (!probationary && age < MIN_OFFICIAL_AGE) {
            age = MIN_OFFICIAL_AGE + random.nextInt(4);
        }
        LocalDate birth = referenceDate.minusYears(age).minusDays(random.nextInt(365));
        LocalDate adult = birth.plusYears(MIN_AGE);
        LocalDate admitted;
        LocalDate recognised = null;
        if (probationary) {
            long window = ChronoUnit.DAYS.between(referenceDate.minusMonths(PROBATION_MONTHS), referenceDate);
            admitted = max(referenceDate.minusDays(random.nextLong(window)), adult);
        } else {
            int decisionDelay = 7 + random.nextInt(50);
            // latest admission whose recognition (12 months + delay) still falls on or before the reference date
            LocalDate latest = referenceDate.minusDays(decisionDelay).minusMonths(PROBATION_MONTHS);
            int admissionAge = MIN_AGE + (int) BranchSizer.triangular(0.5, 6, 32, random);
            admitted = birth.plusYears(admissionAge).plusDays(random.nextInt(365));
            if (admitted.isAfter(latest)) {
                admitted = adult.plusDays(random.nextLong(ChronoUnit.DAYS.between(adult, latest) + 1));
            }
            recognised = admitted.plusMonths(PROBATION_MONTHS).plusDays(decisionDelay);
        }
        String name = NameGenerator.fullName(gender, birth.getYear(), random);
        return new Member(cards.number(issued++), name, gender, birth, roll.branchCode(),
                probationary ? Member.Status.PROBATIONARY : Member.Status.OFFICIAL, admitted, recognised);
    }

    /**
     * Chance that a member of this age was admitted in the last 12 months: admissions are overwhelmingly of the
     * young (city-wide this comes to about 3 % probationary, as in reported figures).
     */
    static double probationaryChance(int age) {
        if (age < 25) {
            return 0.14;
        }
        if (age < 35) {
            return 0.045;
        }
        if (age < 45) {
            return 0.018;
        }
        if (age < 60) {
            return 0.005;
        }
        return 0; // a party admits from 18 to working age; an 80-year-old on probation would look like a data error
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Party card numbers: HP and 8 digits, unique and scattered. Member i gets (a·i + b) mod 10⁸ with a coprime to
     * 10⁸, a bijection on 0…10⁸−1, so numbers never collide and need no lookup table.
     */
    static final class CardNumbers {
        private static final long SPACE = 100_000_000L;
        private final long a;
        private final long b;

        CardNumbers(SplittableRandom random) {
            long candidate;
            do {
                candidate = 1 + random.nextLong(SPACE - 1);
            } while (candidate % 2 == 0 || candidate % 5 == 0);
            this.a = candidate;
            this.b = random.nextLong(SPACE);
        }

        String number(long index) {
            if (index < 0 || index >= SPACE) {
                throw new IllegalArgumentException("card index " + index + " outside 0…" + (SPACE - 1));
            }
            long n = Math.floorMod(Math.multiplyExact(a, index) + b, SPACE);
            return "HP" + String.format(java.util.Locale.ROOT, "%08d", n);
        }
    }
}
