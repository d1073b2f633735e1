package io.cloudward.scoring;

import io.cloudward.checks.Category;
import io.cloudward.checks.MetadataCatalog;
import io.cloudward.checks.Severity;
import io.cloudward.findings.FindingStatus;
import io.cloudward.findings.Incident;
import io.cloudward.findings.Origin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what the score model needs from the current tenant's findings and incidents (the tenant filter and
 * row-level security scope every query). Open findings only: nothing else costs points.
 */
@ApplicationScoped
public class ScoreInputs {

    /** An open finding as the account page explains it: the model's view plus where it is. */
    public record Located(ScoredFinding finding, String region, String resourceId) {
    }

    private final EntityManager em;
    /** Every registered check: what "checks with data" means until runs record evaluations (see {@link CheckCoverage}). */
    private final Set<String> registeredChecks = Set.copyOf(MetadataCatalog.load().entries().keySet());

    public ScoreInputs(EntityManager em) {
        this.em = em;
    }

    /** Every account's input, findings grouped by check, category, severity and origin: one row per group. */
    public Map<UUID, AccountInput> allAccounts(Set<UUID> accounts) {
        Map<UUID, List<ScoredFinding>> findings = new HashMap<>();
        em.createQuery("""
                        select f.awsAccountId, f.checkId, f.category, f.severity, f.origin, min(f.title), count(f)
                        from Finding f where f.status = :open
                        group by f.awsAccountId, f.checkId, f.category, f.severity, f.origin""", Object[].class)
                .setParameter("open", FindingStatus.OPEN)
                .getResultStream()
                .forEach(r -> findings.computeIfAbsent((UUID) r[0], a -> new ArrayList<>()).add(new ScoredFinding(
                        (String) r[1], (String) r[1], Category.fromSlug((String) r[2]), (Severity) r[3], (Origin) r[4],
                        FindingStatus.OPEN, (String) r[5], Math.toIntExact((Long) r[6]))));
        Map<UUID, List<OpenIncident>> incidents = new HashMap<>();
        em.createQuery("from Incident where status = :open", Incident.class).setParameter("open", Incident.Status.OPEN)
                .getResultStream()
                .forEach(i -> incidents.computeIfAbsent(i.awsAccountId, a -> new ArrayList<>()).add(incident(i)));
        Set<UUID> collected = new HashSet<>(em.createQuery(
                        "select distinct f.awsAccountId from Finding f where f.origin = :check", UUID.class)
                .setParameter("check", Origin.CHECK).getResultList());
        Map<UUID, AccountInput> inputs = new HashMap<>();
        for (UUID account : accounts) {
            inputs.put(account, new AccountInput(findings.getOrDefault(account, List.of()),
                    incidents.getOrDefault(account, List.of()), coverage(collected.contains(account))));
        }
        return inputs;
    }

    /** One account's input, finding by finding, for explanations. */
    public AccountInput account(UUID awsAccountId, Map<String, Located> located) {
        List<ScoredFinding> findings = em.createQuery("""
                        select f.id, f.checkId, f.category, f.severity, f.origin, f.title, f.region, f.resourceId
                        from Finding f where f.awsAccountId = :account and f.status = :open""", Object[].class)
                .setParameter("account", awsAccountId).setParameter("open", FindingStatus.OPEN)
                .getResultStream()
                .map(r -> {
                    ScoredFinding f = ScoredFinding.one(r[0].toString(), (String) r[1], Category.fromSlug((String) r[2]),
                            (Severity) r[3], (Origin) r[4], FindingStatus.OPEN, (String) r[5]);
                    located.put(f.ref(), new Located(f, (String) r[6], (String) r[7]));
                    return f;
                }).toList();
        List<OpenIncident> incidents = em.createQuery("from Incident where awsAccountId = :account and status = :open",
                        Incident.class).setParameter("account", awsAccountId).setParameter("open", Incident.Status.OPEN)
                .getResultStream().map(ScoreInputs::incident).toList();
        boolean collected = !em.createQuery("select 1 from Finding f where f.awsAccountId = :account and f.origin = :check",
                        Integer.class).setParameter("account", awsAccountId).setParameter("check", Origin.CHECK)
                .setMaxResults(1).getResultList().isEmpty();
        return new AccountInput(findings, incidents, coverage(collected));
    }

    private CheckCoverage coverage(boolean collected) {
        return collected ? new CheckCoverage(registeredChecks, CheckCoverage.INFERRED) : CheckCoverage.none();
    }

    private static OpenIncident incident(Incident i) {
        return new OpenIncident(i.id.toString(), i.title, i.severity);
    }
}
