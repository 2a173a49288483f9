package org.chibo.evaluation.statistics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.chibo.evaluation.RatingSettings;
import org.chibo.evaluation.access.EvaluationAccess;
import org.chibo.evaluation.decision.RatingRecord;
import org.chibo.evaluation.membership.Organisation;
import org.chibo.evaluation.rating.Rating;
import org.chibo.evaluation.rating.RatingThresholds;
import org.chibo.evaluation.record.BranchRecord;
import org.chibo.evaluation.record.OrganisationPath;
import org.chibo.evaluation.scorecard.BranchScorecard;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The figures units report (domain.md, last section), per district (level-2 committee) and for the city, this year
 * against last year: the rating distribution of organisations (branches) and members — final ratings, the committee's
 * decision where there is one, otherwise the proposal (one aggregation) — and the activity behind it from the
 * branches' records (one pass over the two years' records).
 */
@Service
public class RatingStatistics {

    private final MongoTemplate mongo;
    private final RatingThresholds thresholds;

    RatingStatistics(MongoTemplate mongo, RatingSettings settings) {
        this.mongo = mongo;
        this.thresholds = settings.thresholds();
    }

    public record Side(Shares organisations, Shares members, Activity.Figures activity) {
    }

    public record Comparison(Side current, Side previous) {
    }

    public record District(String districtId, String name, Comparison figures) {
    }

    /**
     * @param organisationId the unit the report is about (the city for a city-wide one); {@code total} adds up every
     *                       rating and branch in its subtree, {@code districts} the part of each district within it
     */
    public record Report(int year, int previousYear, String organisationId, Comparison total, List<District> districts) {
    }

    /** The figures of the subtree of {@code organisationId}: only ratings and branches whose path runs through it. */
    public Report report(int year, String organisationId) {
        java.util.regex.Pattern inScope = EvaluationAccess.runsThrough(organisationId);
        // year -> subject -> district -> rating -> count
        Map<Integer, Map<String, Map<String, Map<Rating, Integer>>>> counts = new TreeMap<>();
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("year").in(year, year - 1).and("organisationPath").regex(inScope)),
                Aggregation.group("year", "subjectType", "districtId", "finalRating").count().as("n"));
        for (Document d : mongo.aggregate(aggregation, RatingRecord.COLLECTION, Document.class).getMappedResults()) {
            Document id = d.get("_id", Document.class);
            counts.computeIfAbsent(id.getInteger("year"), y -> new TreeMap<>())
                    .computeIfAbsent(id.getString("subjectType"), s -> new TreeMap<>())
                    .computeIfAbsent(String.valueOf(id.get("districtId")), x -> new EnumMap<>(Rating.class))
                    .merge(Rating.valueOf(id.getString("finalRating")), ((Number) d.get("n")).intValue(), Integer::sum);
        }
        Map<Integer, Map<String, Activity>> activity = Map.of(year, new HashMap<>(), year - 1, new HashMap<>());
        Map<String, Organisation> organisations = new HashMap<>();
        mongo.find(Query.query(Criteria.where("path").regex(inScope)), Organisation.class).forEach(o -> organisations.put(o.getId(), o));
        activity.forEach((y, byDistrict) -> addActivity(y, organisations, byDistrict));
        TreeMap<String, String> districts = new TreeMap<>();
        activity.values().forEach(byDistrict -> byDistrict.keySet().stream().filter(id -> !id.equals(CITY))
                .forEach(id -> districts.put(id, id)));
        counts.values().forEach(bySubject -> bySubject.values().forEach(byDistrict -> byDistrict.keySet()
                .forEach(id -> districts.put(id, id))));
        if (!districts.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(districts.keySet())),
                    Organisation.class).forEach(o -> districts.put(o.getId(), o.getName()));
        }
        List<District> perDistrict = new ArrayList<>();
        districts.forEach((id, name) -> perDistrict.add(new District(id, name,
                new Comparison(side(counts, activity, year, id), side(counts, activity, year - 1, id)))));
        return new Report(year, year - 1, organisationId, new Comparison(side(counts, activity, year, null), side(counts, activity, year - 1, null)),
                perDistrict);
    }

    private static final String CITY = "";

    /**
     * The reporting figures of every branch rated in {@code year} (known and not dissolved by its end), by district and
     * for the city: one pass over the year's branch records, 500 to a reply.
     */
    private void addActivity(int year, Map<String, Organisation> organisations, Map<String, Activity> byDistrict) {
        Set<String> seen = new HashSet<>();
        Query cards = Query.query(Criteria.where("year").is(year)).cursorBatchSize(500);
        try (var stream = mongo.stream(cards, BranchScorecard.class)) {
            stream.forEach(card -> {
                Organisation o = organisations.get(card.getBranchId());
                if (o != null && o.ratedIn(year)) {
                    seen.add(o.getId());
                    add(byDistrict, o, card.record());
                }
            });
        }
        organisations.values().stream().filter(o -> o.ratedIn(year) && !seen.contains(o.getId()))
                .forEach(o -> add(byDistrict, o, new BranchRecord(o.getId(), year, new HashMap<>(), new HashMap<>())));
    }

    private void add(Map<String, Activity> byDistrict, Organisation branch, BranchRecord record) {
        byDistrict.computeIfAbsent(OrganisationPath.parse(branch.getPath()).district(), d -> new Activity()).add(record, thresholds);
        byDistrict.computeIfAbsent(CITY, d -> new Activity()).add(record, thresholds);
    }

    /** One year's figures for one district, or for the city when {@code districtId} is null. */
    private static Side side(Map<Integer, Map<String, Map<String, Map<Rating, Integer>>>> counts,
                             Map<Integer, Map<String, Activity>> activity, int year, String districtId) {
        Map<String, Map<String, Map<Rating, Integer>>> bySubject = counts.getOrDefault(year, Map.of());
        Activity figures = activity.get(year).getOrDefault(districtId == null ? CITY : districtId, new Activity());
        return new Side(Shares.of(sum(bySubject.getOrDefault("BRANCH", Map.of()), districtId)),
                Shares.of(sum(bySubject.getOrDefault("MEMBER", Map.of()), districtId)), figures.figures());
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
