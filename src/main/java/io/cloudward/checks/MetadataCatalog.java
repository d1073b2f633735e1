package io.cloudward.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads check metadata from JSON and rejects anything incomplete with a sentence naming the check and field,
 * so a bad entry stops start-up instead of reaching a user as an empty finding.
 */
public final class MetadataCatalog {

    public static final String RESOURCE = "/checks/metadata.json";

    private static final Set<String> ENTRY_FIELDS = Set.of("title", "severity", "category", "risk", "remediation",
            "references", "compliance", "variants");
    private static final Pattern CIS_ID = Pattern.compile("CIS \\d+(\\.\\d+)+");
    private static final Pattern FSBP_ID = Pattern.compile("[A-Za-z0-9]+\\.\\d+");

    private final String cisBenchmark;
    private final Map<String, CheckMetadata> entries;

    private MetadataCatalog(String cisBenchmark, Map<String, CheckMetadata> entries) {
        this.cisBenchmark = cisBenchmark;
        this.entries = entries;
    }

    /** Loads {@value #RESOURCE} from the class path. */
    public static MetadataCatalog load() {
        try (InputStream in = MetadataCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Check metadata " + RESOURCE + " is missing from the class path");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read check metadata " + RESOURCE, e);
        }
    }

    public static MetadataCatalog parse(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        String benchmark = text(root, "cisBenchmark", "the metadata file");
        JsonNode checks = root.path("checks");
        if (!checks.isObject() || checks.isEmpty()) {
            throw new IllegalArgumentException("Check metadata has no 'checks' object");
        }
        Map<String, CheckMetadata> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : checks.properties()) {
            entries.put(entry.getKey(), entry(entry.getKey(), entry.getValue()));
        }
        return new MetadataCatalog(benchmark, Map.copyOf(entries));
    }

    /** The CIS benchmark version the "CIS x.y" ids refer to. */
    public String cisBenchmark() {
        return cisBenchmark;
    }

    public Map<String, CheckMetadata> entries() {
        return entries;
    }

    private static CheckMetadata entry(String id, JsonNode node) {
        String where = "check " + id;
        node.fieldNames().forEachRemaining(field -> {
            if (!ENTRY_FIELDS.contains(field)) {
                throw new IllegalArgumentException("Metadata for " + where + " has an unknown field '" + field + "'");
            }
        });
        Severity severity = parse(where, "severity", () -> Severity.parse(text(node, "severity", where)));
        Category category = parse(where, "category", () -> Category.fromSlug(text(node, "category", where)));
        JsonNode remediation = object(node, "remediation", where);
        List<String> console = texts(remediation, "console", where + " remediation", true);
        Optional<String> cli = remediation.hasNonNull("cli")
                ? Optional.of(text(remediation, "cli", where + " remediation")) : Optional.empty();
        List<String> references = texts(node, "references", where, true);
        references.stream().filter(url -> !url.startsWith("https://")).findFirst().ifPresent(url -> {
            throw new IllegalArgumentException("Metadata for " + where + " has a reference that is not an https URL: " + url);
        });
        JsonNode compliance = object(node, "compliance", where);
        List<String> cis = texts(compliance, "cis", where + " compliance", false);
        List<String> fsbp = texts(compliance, "fsbp", where + " compliance", false);
        requireIds(cis, CIS_ID, where, "CIS");
        requireIds(fsbp, FSBP_ID, where, "FSBP");
        return new CheckMetadata(id, text(node, "title", where), severity, category, text(node, "risk", where),
                new CheckMetadata.Remediation(text(remediation, "text", where + " remediation"), console, cli),
                references, new CheckMetadata.Compliance(cis, fsbp), variants(node, where));
    }

    private static Map<String, Severity> variants(JsonNode node, String where) {
        Map<String, Severity> variants = new LinkedHashMap<>();
        JsonNode variantsNode = node.path("variants");
        if (variantsNode.isMissingNode()) {
            return variants;
        }
        if (!variantsNode.isObject()) {
            throw new IllegalArgumentException("Metadata for " + where + ": 'variants' must map variant names to severities");
        }
        variantsNode.properties().forEach(v -> variants.put(v.getKey(),
                parse(where, "variant " + v.getKey(), () -> Severity.parse(v.getValue().asText()))));
        return variants;
    }

    private static void requireIds(List<String> ids, Pattern pattern, String where, String framework) {
        ids.stream().filter(id -> !pattern.matcher(id).matches()).findFirst().ifPresent(bad -> {
            throw new IllegalArgumentException("Metadata for " + where + " has a malformed " + framework + " id '" + bad + "'");
        });
    }

    private static <V> V parse(String where, String field, Supplier<V> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Metadata for " + where + " has an invalid " + field + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode object(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isObject()) {
            throw new IllegalArgumentException("Metadata for " + where + ": '" + field + "' is missing or not an object");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("Metadata for " + where + ": '" + field + "' is missing or blank");
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode node, String field, String where, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() && !required) {
            return List.of();
        }
        if (!value.isArray() || (required && value.isEmpty())) {
            throw new IllegalArgumentException("Metadata for " + where + ": '" + field + "' must be a "
                    + (required ? "non-empty " : "") + "list of strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new IllegalArgumentException("Metadata for " + where + ": '" + field + "' contains a blank or non-text item");
            }
            texts.add(item.asText());
        }
        return texts;
    }
}
