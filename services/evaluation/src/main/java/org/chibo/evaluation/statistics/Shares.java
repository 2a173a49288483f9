package org.chibo.evaluation.statistics;

import java.util.EnumMap;
import java.util.Map;

import org.chibo.evaluation.rating.Rating;

/**
 * How many were rated at each level, and the two shares units report: GOOD or better (hoàn thành tốt nhiệm vụ trở
 * lên) and EXCELLENT (hoàn thành xuất sắc nhiệm vụ), each of all rated.
 */
public record Shares(int rated, Map<Rating, Integer> byRating, double goodOrBetterShare, double excellentShare) {

    public static Shares of(Map<Rating, Integer> counts) {
        Map<Rating, Integer> all = new EnumMap<>(Rating.class);
        for (Rating r : Rating.values()) {
            all.put(r, counts.getOrDefault(r, 0));
        }
        int rated = all.values().stream().mapToInt(Integer::intValue).sum();
        int goodOrBetter = all.get(Rating.EXCELLENT) + all.get(Rating.GOOD);
        return new Shares(rated, all, rated == 0 ? 0 : (double) goodOrBetter / rated,
                rated == 0 ? 0 : (double) all.get(Rating.EXCELLENT) / rated);
    }
}
