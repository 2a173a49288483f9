package org.chibo.citysim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How many members each branch has: drawn from a triangular distribution of its {@link Shape} (residential groups
 * of 15–45, agencies of 5–25 …), then scaled and nudged one member at a time until the city total is exact. Every
 * branch keeps at least {@link #MINIMUM} members (a chi bộ needs three).
 */
final class BranchSizer {

    static final int MINIMUM = 3;
    /** How far above its usual maximum a branch may grow while the total is being made exact. */
    private static final int HEADROOM = 12;

    /** Smallest, most usual and largest roll of a kind of branch. */
    record Shape(int min, int mode, int max) {
    }

    private BranchSizer() {
    }

    static int[] sizes(List<Shape> shapes, int total, SplittableRandom random) {
        int n = shapes.size();
        double[] raw = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Shape s = shapes.get(i);
            raw[i] = triangular(s.min, s.mode, s.max, random);
            sum += raw[i];
        }
        double scale = total / sum;
        int[] sizes = new int[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            sizes[i] = Math.clamp(Math.round(raw[i] * scale), lower(shapes.get(i)), upper(shapes.get(i)));
            assigned += sizes[i];
        }
        long diff = total - assigned;
        long guard = 1000L * n + Math.abs(diff) * 100;
        while (diff != 0) {
            if (guard-- == 0) {
                throw new IllegalStateException("cannot place " + total + " members in " + n + " branches");
            }
            int i = random.nextInt(n);
            if (diff > 0 && sizes[i] < upper(shapes.get(i))) {
                sizes[i]++;
                diff--;
            } else if (diff < 0 && sizes[i] > lower(shapes.get(i))) {
                sizes[i]--;
                diff++;
            }
        }
        return sizes;
    }

    private static int lower(Shape s) {
        return Math.max(MINIMUM, s.min - 2);
    }

    private static int upper(Shape s) {
        return s.max + HEADROOM;
    }

    /** Triangular(min, mode, max) by inverse transform: simple, bounded, and skewed like real branch sizes. */
    static double triangular(double min, double mode, double max, SplittableRandom random) {
        double u = random.nextDouble();
        double cut = (mode - min) / (max - min);
        return u < cut
                ? min + Math.sqrt(u * (max - min) * (mode - min))
                : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }
}
