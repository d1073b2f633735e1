package io.cloudward.alerts;

import io.cloudward.checks.Severity;
import io.cloudward.findings.SuppressionRules;

import java.util.List;
import java.util.Locale;

/**
 * What a rule matches. Every field that is set must hold (and); a list holds when the event's value is
 * one of its entries (or). Globs use {@code *}.
 *
 * @param eventTypes         e.g. {@code finding.created}; {@code finding.*} for all finding events; empty: any
 * @param minSeverity        INFORMATIONAL … CRITICAL: the event's severity must be at least this
 * @param categories         category slugs, e.g. {@code exposure}
 * @param checkIds           check id or GuardDuty finding type globs, e.g. {@code SecurityGroupOpen*},
 *                           {@code DEFENCE_EVASION:*}, {@code CryptoCurrency:EC2/*}
 * @param accountIds         AWS account ids
 * @param accountNamePattern a glob on the account's name in Cloudward
 * @param regions            AWS regions ({@code global} for account-wide findings)
 * @param incidentsOnly      only incident events, or findings that belong to an incident
 */
public record AlertMatch(List<String> eventTypes, String minSeverity, List<String> categories, List<String> checkIds,
                         List<String> accountIds, String accountNamePattern, List<String> regions, boolean incidentsOnly) {

    public AlertMatch {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        categories = categories == null ? List.of() : List.copyOf(categories);
        checkIds = checkIds == null ? List.of() : List.copyOf(checkIds);
        accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
        regions = regions == null ? List.of() : List.copyOf(regions);
        if (minSeverity != null && minSeverity.isBlank()) {
            minSeverity = null;
        }
        if (accountNamePattern != null && accountNamePattern.isBlank()) {
            accountNamePattern = null;
        }
    }

    /** @param accountName the account's name in Cloudward, or null when unknown */
    public boolean matches(AlertEvent event, String accountName) {
        if (!eventTypes.isEmpty() && eventTypes.stream().noneMatch(t -> SuppressionRules.glob(t, event.type()))) {
            return false;
        }
        if (event.suppressed()) {
            return false;
        }
        if (minSeverity != null && (event.severity() == null
                || !Severity.parse(event.severity()).isAtLeast(Severity.parse(minSeverity)))) {
            return false;
        }
        if (!categories.isEmpty() && (event.category() == null
                || categories.stream().noneMatch(c -> normal(c).equals(normal(event.category()))))) {
            return false;
        }
        if (!checkIds.isEmpty() && (event.checkId() == null
                || checkIds.stream().noneMatch(g -> SuppressionRules.glob(g, event.checkId())))) {
            return false;
        }
        if (!accountIds.isEmpty() && !accountIds.contains(event.accountId())) {
            return false;
        }
        if (accountNamePattern != null && (accountName == null || !SuppressionRules.glob(accountNamePattern, accountName))) {
            return false;
        }
        if (!regions.isEmpty() && !regions.contains(event.region())) {
            return false;
        }
        return !incidentsOnly || event.isIncident() || event.data().hasNonNull("incidentId");
    }

    private static String normal(String category) {
        return category.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
