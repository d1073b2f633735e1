package io.cloudward.findings;

import io.cloudward.checks.Category;
import io.cloudward.checks.CheckMetadata;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.CheckStatus;
import io.cloudward.checks.MetadataCatalog;
import io.cloudward.checks.Severity;
import io.cloudward.checks.events.EventSignal;
import io.cloudward.checks.events.TrailEvent;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns what the checks and collectors produce into {@link Observation}s: fingerprint, severity, category and
 * title from the check metadata (a result's variant may raise the severity), GuardDuty's own words and band.
 */
final class Observations {
    /** GuardDuty, CloudTrail-event and check fingerprints live in separate name spaces. */
    static final String GUARDDUTY_PREFIX = "guardduty|";
    static final String TRAIL_PREFIX = "cloudtrail-event|";

    private final Map<String, CheckMetadata> metadata;

    Observations(MetadataCatalog catalog) {
        this.metadata = catalog.entries();
    }

    /**
     * PASS resolves an open finding; NOT_APPLICABLE and INFO do too (as {@link CheckStatus} documents: a
     * check answers for every resource, so anything but FAIL means the problem is no longer there).
     */
    Observation of(CheckResult result) {
        CheckMetadata meta = metadata.get(result.checkId());
        if (meta == null) {
            throw new IllegalArgumentException("No metadata for check " + result.checkId());
        }
        var resource = result.resource();
        Map<String, Object> evidence = result.variant() == null ? result.evidence() : with(result.evidence(), "variant", result.variant());
        return new Observation(Origin.CHECK, Fingerprints.sha256(result.stableKey()), result.checkId(), meta.category(),
                meta.severityFor(result.variant()), meta.title(), result.sentence(), resource.type(), resource.id(),
                resource.accountId(), resource.region(), evidence, 1, null, result.status() == CheckStatus.FAIL);
    }

    /** Archived in GuardDuty means resolved here. Scores below GuardDuty's lowest band (1.0) count as informational. */
    Observation of(GuardDutyFindingFacts finding) {
        Severity severity = finding.severity() < 1.0 ? Severity.INFORMATIONAL : Severity.fromGuardDutyScore(finding.severity());
        Map<String, Object> evidence = new LinkedHashMap<>(finding.evidence());
        evidence.put("guardDutyId", finding.id());
        if (finding.arn() != null) {
            evidence.put("arn", finding.arn());
        }
        evidence.put("score", finding.severity());
        evidence.put("updatedAt", finding.updatedAt().toString());
        return new Observation(Origin.GUARDDUTY, Fingerprints.sha256(GUARDDUTY_PREFIX + finding.id()), finding.type(),
                Category.THREAT_DETECTION, severity, finding.title(), finding.description(), finding.resourceType(),
                finding.resourceId(), finding.accountId(), finding.region(), evidence, Math.max(1, finding.count()),
                finding.createdAt(), !finding.archived());
    }

    /** One signal of one CloudTrail event; the check id is {@code <kind>:<event name>}, e.g. DEFENCE_EVASION:StopLogging. */
    Observation of(String accountId, TrailEvent event, EventSignal signal, Instant seenAt) {
        Instant at = event.eventTime().orElse(seenAt);
        String checkId = signal.kind().name() + ":" + signal.eventName();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("eventSource", event.eventSource());
        evidence.put("eventName", event.eventName());
        evidence.put("eventTime", at.toString());
        evidence.put("actor", event.actor());
        event.sourceIpAddress().ifPresent(ip -> evidence.put("sourceIpAddress", ip));
        event.errorCode().ifPresent(code -> evidence.put("errorCode", code));
        if (!event.requestParameters().isEmpty()) {
            evidence.put("requestParameters", new LinkedHashMap<>(event.requestParameters()));
        }
        String fingerprint = Fingerprints.sha256(String.join("|", TRAIL_PREFIX + checkId, accountId, event.awsRegion(),
                event.actor(), at.toString()));
        return new Observation(Origin.TRAIL_EVENT, fingerprint, checkId, Category.THREAT_DETECTION, signal.severity(),
                title(signal), signal.sentence(), "CloudTrailEvent", event.eventSource() + "/" + event.eventName(),
                accountId, event.awsRegion(), evidence, 1, at, true);
    }

    private static String title(EventSignal signal) {
        return switch (signal.kind()) {
            case DEFENCE_EVASION -> signal.eventName() + " weakened logging or detection";
            case DESTRUCTION -> signal.eventName() + " destroyed resources or recovery points";
            case ROOT_ACTIVITY -> "Root user activity: " + signal.eventName();
            case CONSOLE_LOGIN_WITHOUT_MFA -> "Console sign-in without MFA";
        };
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
