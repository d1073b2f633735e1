package io.cloudward.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudward.checks.Category;
import io.cloudward.checks.Severity;
import io.cloudward.findings.Origin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The numbers of the score model, kept as data in {@value #RESOURCE} (scoring weights are data, not code) and
 * checked when loaded, so a bad edit stops start-up with a sentence instead of skewing every score.
 *
 * @param severityPoints           what the first open finding of a severity costs its category (of 100)
 * @param repeatDecay              each further finding of the same severity and category costs this times the previous one
 * @param categoryWeights          share of each category in the overall score (they sum to 1)
 * @param compromiseCap            the ceiling of an account with an active compromise
 * @param compromisedAccountWeight weight of a capped account in the tenant score (others weigh 1)
 * @param topFixes                 how many fixes an explanation lists
 */
public record ScoreWeights(Map<Severity, Double> severityPoints, double repeatDecay,
                           Map<Category, Double> categoryWeights, CompromiseCap compromiseCap,
                           double compromisedAccountWeight, int topFixes) {

    public static final String RESOURCE = "/scoring/weights.json";

    /**
     * An account with an open threat finding of {@code threatMinSeverity} or worse from one of
     * {@code threatOrigins}, or (when {@code openIncident}) an open incident, scores at most {@code maxScore}.
     */
    public record CompromiseCap(double maxScore, Set<Origin> threatOrigins, Severity threatMinSeverity,
                                boolean openIncident) {
    }

    public ScoreWeights {
        severityPoints = Map.copyOf(severityPoints);
        categoryWeights = Map.copyOf(categoryWeights);
        validate(severityPoints, repeatDecay, categoryWeights, compromiseCap, compromisedAccountWeight, topFixes);
    }

    public double points(Severity severity) {
        return severityPoints.get(severity);
    }

    public double weight(Category category) {
        return categoryWeights.get(category);
    }

    /** Loads {@value #RESOURCE} from the class path. */
    public static ScoreWeights load() {
        try (InputStream in = ScoreWeights.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Score weights " + RESOURCE + " are missing from the class path");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read score weights " + RESOURCE, e);
        }
    }

    static ScoreWeights parse(InputStream json) throws IOException {
        ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        File file = mapper.readValue(json, File.class);
        Map<Category, Double> categories = new EnumMap<>(Category.class);
        file.categoryWeights().forEach((slug, weight) -> categories.put(Category.fromSlug(slug), weight));
        return new ScoreWeights(file.severityPoints(), file.repeatDecay(), categories, file.compromiseCap(),
                file.compromisedAccountWeight(), file.topFixes());
    }

    /** The file as written: categories by slug, a free comment. */
    private record File(String _comment, Map<Severity, Double> severityPoints, double repeatDecay,
                        Map<String, Double> categoryWeights, CompromiseCap compromiseCap,
                        double compromisedAccountWeight, int topFixes) {
    }

    private static void validate(Map<Severity, Double> points, double decay, Map<Category, Double> categories,
                                 CompromiseCap cap, double compromisedWeight, int topFixes) {
        require(points.keySet().equals(Set.of(Severity.values())), "severityPoints must name every severity");
        require(categories.keySet().equals(Set.of(Category.values())), "categoryWeights must name every category");
        require(decay >= 0 && decay < 1, "repeatDecay must lie in [0, 1)");
        Severity[] severities = Severity.values();
        for (int i = 0; i < severities.length; i++) {
            require(points.get(severities[i]) >= 0, "severityPoints must not be negative");
            if (i + 1 < severities.length) {
                // diminishing returns: no number of findings of one severity may outweigh one of the next
                require(points.get(severities[i]) / (1 - decay) <= points.get(severities[i + 1]) + 1e-9,
                        "any number of " + severities[i] + " findings would cost more than one " + severities[i + 1]
                                + " finding: lower its points or repeatDecay");
            }
        }
        require(categories.values().stream().allMatch(w -> w > 0), "categoryWeights must be positive");
        require(Math.abs(categories.values().stream().mapToDouble(Double::doubleValue).sum() - 1) < 1e-9,
                "categoryWeights must sum to 1");
        require(cap != null && cap.maxScore() >= 0 && cap.maxScore() <= 100 && cap.threatOrigins() != null
                && cap.threatMinSeverity() != null, "compromiseCap needs maxScore (0-100), threatOrigins and threatMinSeverity");
        require(compromisedWeight >= 1, "compromisedAccountWeight must be at least 1");
        require(topFixes > 0, "topFixes must be positive");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Score weights " + RESOURCE + ": " + message);
        }
    }
}
