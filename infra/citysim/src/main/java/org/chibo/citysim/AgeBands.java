package org.chibo.citysim;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Age at the reference date by branch kind, as weighted bands drawn uniformly inside. Residential groups and villages
 * are mostly retired members (the rolls of a chi bộ tổ dân phố are largely pensioners); schools, enterprises, the
 * armed forces and police are of working age, with the youngest in the armed forces and among students.
 */
final class AgeBands {

    private record Band(double weight, int from, int to) {
    }

    private static final Map<BranchKind, AgeBands> BY_KIND = new EnumMap<>(BranchKind.class);

    static {
        BY_KIND.put(BranchKind.RESIDENTIAL_GROUP, new AgeBands(List.of(b(0.12, 22, 39), b(0.20, 40, 59), b(0.45, 60, 79), b(0.21, 80, 90), b(0.02, 91, 95))));
        BY_KIND.put(BranchKind.VILLAGE, new AgeBands(List.of(b(0.18, 20, 39), b(0.27, 40, 59), b(0.40, 60, 79), b(0.14, 80, 90), b(0.01, 91, 95))));
        BY_KIND.put(BranchKind.RETIREES, new AgeBands(List.of(b(0.10, 56, 64), b(0.50, 65, 79), b(0.33, 80, 90), b(0.07, 91, 95))));
        BY_KIND.put(BranchKind.AGENCY, new AgeBands(List.of(b(0.25, 24, 34), b(0.40, 35, 49), b(0.35, 50, 61))));
        BY_KIND.put(BranchKind.ENTERPRISE, new AgeBands(List.of(b(0.40, 22, 34), b(0.40, 35, 49), b(0.20, 50, 60))));
        BY_KIND.put(BranchKind.SCHOOL, new AgeBands(List.of(b(0.08, 19, 23), b(0.30, 24, 34), b(0.37, 35, 49), b(0.25, 50, 60))));
        BY_KIND.put(BranchKind.HEALTH, new AgeBands(List.of(b(0.30, 24, 34), b(0.40, 35, 49), b(0.30, 50, 60))));
        BY_KIND.put(BranchKind.ARMED_FORCES, new AgeBands(List.of(b(0.35, 18, 24), b(0.40, 25, 39), b(0.25, 40, 55))));
        BY_KIND.put(BranchKind.POLICE, new AgeBands(List.of(b(0.20, 20, 24), b(0.45, 25, 39), b(0.35, 40, 56))));
    }

    private final List<Band> bands;
    private final double total;

    private AgeBands(List<Band> bands) {
        this.bands = bands;
        this.total = bands.stream().mapToDouble(Band::weight).sum();
    }

    static AgeBands of(BranchKind kind) {
        return BY_KIND.get(kind);
    }

    int draw(SplittableRandom random) {
        double pick = random.nextDouble() * total;
        for (Band band : bands) {
            if (pick < band.weight) {
                return band.from + random.nextInt(band.to - band.from + 1);
            }
            pick -= band.weight;
        }
        Band last = bands.getLast();
        return last.from + random.nextInt(last.to - last.from + 1);
    }

    private static Band b(double weight, int from, int to) {
        return new Band(weight, from, to);
    }
}
