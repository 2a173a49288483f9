package org.chibo.evaluation.statistics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.chibo.evaluation.decision.RatingRecord;
import org.chibo.evaluation.membership.Organisation;
import org.chibo.evaluation.rating.Rating;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * The rating distribution as units report it (domain.md, last section): per district (level-2 committee) and for the
 * city, organisations (branches) and members, this year against last year. Counts final ratings: the committee's
 * decision where there is one, otherwise the proposal. One aggregation over the two years' ratings.
 */
@Service
public class RatingStatistics {

    private final MongoTemplate mongo;

    RatingStatistics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Side(Shares organisations, Shares members) {
    }

    public record Comparison(Side current, Side previous) {
    }

    public record District(String districtId, String name, Comparison figures) {
    }

    public record Report(int year, int previousYear, Comparison city, List<District> districts) {
    }

    public Report report(int year) {
        // year -> subject -> district -> rating -> count
        Map<Integer, Map<String, Map<String, Map<Rating, Integer>>>> counts = new TreeMap<>();
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("year").in(year, year - 1)),
                Aggregation.group("year", "subjectType", "districtId", "finalRating").count().as("n"));
        for (Document d : mongo.aggregate(aggregation, RatingRecord.COLLECTION, Document.class).getMappedResults()) {
            Document id = d.get("_id", Document.class);
            counts.computeIfAbsent(id.getInteger("year"), y -> new TreeMap<>())
                    .computeIfAbsent(id.getString("subjectType"), s -> new TreeMap<>())
                    .computeIfAbsent(String.valueOf(id.get("districtId")), x -> new EnumMap<>(Rating.class))
                    .merge(Rating.valueOf(id.getString("finalRating")), ((Number) d.get("n")).intValue(), Integer::sum);
        }
        TreeMap<String, String> districts = new TreeMap<>();
        counts.values().forEach(bySubject -> bySubject.values().forEach(byDistrict -> byDistrict.keySet()
                .forEach(id -> districts.put(id, id))));
        if (!districts.isEmpty()) {
            mongo.find(org.springframework.data.mongodb.core.query.Query.query(Criteria.where("_id").in(districts.keySet())),
                    Organisation.class).forEach(o -> districts.put(o.getId(), o.getName()));
        }
        List<District> perDistrict = new ArrayList<>();
        districts.forEach((id, name) -> perDistrict.add(new District(id, name,
                new Comparison(side(counts, year, id), side(counts, year - 1, id)))));
        return new Report(year, year - 1, new Comparison(side(counts, year, null), side(counts, year - 1, null)), perDistrict);
    }

    /** One year's figures for one district, or for the city when {@code districtId} is null. */
    private static Side side(Map<Integer, Map<String, Map<String, Map<Rating, Integer>>>> counts, int year, String districtId) {
        Map<String, Map<String, Map<Rating, Integer>>> bySubject = counts.getOrDefault(year, Map.of());
        return new Side(Shares.of(sum(bySubject.getOrDefault("BRANCH", Map.of()), districtId)),
                Shares.of(sum(bySubject.getOrDefault("MEMBER", Map.of()), districtId)));
    }

    private static Map<Rating, Integer> sum(Map<String, Map<Rating, Integer>> byDistrict, String districtId) {
        Map<Rating, Integer> total = new EnumMap<>(Rating.class);
        byDistrict.forEach((id, byRating) -> {
            if (districtId == null || districtId.equals(id)) {
                byRating.forEach((r, n) -> total.merge(r, n, Integer::sum));
            }
        });
        return total;
    }
}
