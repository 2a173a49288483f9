package org.chibo.citysim;

/**
 * Splits an exact total over weighted slots (largest remainder, ties to the earlier slot), so every profile figure
 * is hit exactly however the weights are shaped, and the same weights always give the same split.
 */
final class Apportion {

    private Apportion() {
    }

    /** {@code total} split over {@code weights}, each slot getting at least {@code minimum}. */
    static int[] largestRemainder(int total, double[] weights, int minimum) {
        int n = weights.length;
        int free = total - minimum * n;
        if (n == 0 ? total != 0 : free < 0) {
            throw new IllegalArgumentException("cannot split " + total + " over " + n + " slots of at least " + minimum);
        }
        int[] shares = new int[n];
        if (n == 0) {
            return shares;
        }
        double sum = 0;
        for (double w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            sum += w;
        }
        double[] remainders = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = sum == 0 ? (double) free / n : free * weights[i] / sum;
            int whole = (int) Math.floor(exact);
            shares[i] = minimum + whole;
            remainders[i] = exact - whole;
            given += whole;
        }
        for (int left = free - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
        }
        return shares;
    }
}
