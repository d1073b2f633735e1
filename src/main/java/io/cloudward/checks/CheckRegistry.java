package io.cloudward.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * All checks with their metadata, validated together: every check has a complete metadata entry, every entry
 * has a check, ids are unique and declared variants match. Inputs are routed to checks by their type.
 */
public final class CheckRegistry {

    private final List<Check<?>> checks;
    private final Map<String, CheckMetadata> metadata;
    private final Map<Class<?>, List<Check<?>>> byInputType;
    private final String cisBenchmark;

    private CheckRegistry(List<Check<?>> checks, MetadataCatalog catalog) {
        this.checks = List.copyOf(checks);
        this.metadata = catalog.entries();
        this.cisBenchmark = catalog.cisBenchmark();
        Map<Class<?>, List<Check<?>>> routes = new LinkedHashMap<>();
        checks.forEach(check -> routes.computeIfAbsent(check.inputType(), type -> new ArrayList<>()).add(check));
        routes.replaceAll((type, list) -> List.copyOf(list));
        this.byInputType = Map.copyOf(routes);
    }

    /** The built-in checks with the metadata shipped in {@value MetadataCatalog#RESOURCE}. */
    public static CheckRegistry standard() {
        return of(AllChecks.list(), MetadataCatalog.load());
    }

    /** Builds a registry, failing with a sentence that names the first inconsistent check id. */
    public static CheckRegistry of(List<? extends Check<?>> checks, MetadataCatalog catalog) {
        Set<String> seen = new TreeSet<>();
        for (Check<?> check : checks) {
            String id = check.id();
            if (!seen.add(id)) {
                throw new IllegalStateException("Check id " + id + " is registered twice");
            }
            CheckMetadata entry = catalog.entries().get(id);
            if (entry == null) {
                throw new IllegalStateException("Check " + id + " has no entry in the check metadata");
            }
            if (!entry.variants().keySet().equals(check.variants())) {
                throw new IllegalStateException("Check " + id + " declares variants " + new TreeSet<>(check.variants())
                        + " but its metadata gives severities for " + new TreeSet<>(entry.variants().keySet()));
            }
        }
        catalog.entries().keySet().stream().filter(id -> !seen.contains(id)).sorted().findFirst().ifPresent(id -> {
            throw new IllegalStateException("Check metadata has an entry for " + id + " but no such check is registered");
        });
        return new CheckRegistry(List.copyOf(checks), catalog);
    }

    public List<Check<?>> checks() {
        return checks;
    }

    /** The checks that judge inputs of exactly this type. */
    @SuppressWarnings("unchecked")
    public <T> List<Check<T>> checksFor(Class<T> inputType) {
        List<Check<?>> found = byInputType.getOrDefault(inputType, List.of());
        return found.stream().map(check -> (Check<T>) check).toList();
    }

    /** Every snapshot type some check takes: what collectors must produce. */
    public Set<Class<?>> inputTypes() {
        return byInputType.keySet();
    }

    public Optional<Check<?>> find(String checkId) {
        return checks.stream().filter(check -> check.id().equals(checkId)).findFirst();
    }

    public CheckMetadata metadata(String checkId) {
        CheckMetadata entry = metadata.get(checkId);
        if (entry == null) {
            throw new IllegalArgumentException("No check with id " + checkId);
        }
        return entry;
    }

    /** The severity of a result, taking its variant into account. */
    public Severity severityOf(CheckResult result) {
        return metadata(result.checkId()).severityFor(result.variant());
    }

    public String cisBenchmark() {
        return cisBenchmark;
    }

    /**
     * Runs every check that takes this input's type; one result per check. A check that throws is a bug, and
     * the exception names it so the collector can log it against the resource and carry on with the next input.
     */
    @SuppressWarnings("unchecked")
    public <T> List<CheckResult> evaluate(T input, CheckContext context) {
        List<Check<T>> applicable = checksFor((Class<T>) input.getClass());
        if (applicable.isEmpty()) {
            throw new IllegalArgumentException("No check takes " + input.getClass().getSimpleName());
        }
        return applicable.stream().map(check -> run(check, input, context)).toList();
    }

    private static <T> CheckResult run(Check<T> check, T input, CheckContext context) {
        try {
            return check.evaluate(input, context);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Check " + check.id() + " failed on a " + input.getClass().getSimpleName()
                    + " of account " + context.accountId() + ": " + e.getMessage(), e);
        }
    }
}
