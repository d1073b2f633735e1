package io.cloudward.api;

import io.agroal.api.AgroalDataSource;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.events.TrailEvent;
import io.cloudward.checks.events.TrailEventClassifier;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import io.cloudward.findings.FindingFixtures;
import io.cloudward.findings.FindingStore;
import io.cloudward.findings.ScopeUpdate;
import io.cloudward.tenancy.TenantRepository;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Findings for API tests, fed through the store as a collection run would (see FindingStoreIT). */
final class FindingSeeds {
    static final String ACCT = "111122223333";
    static final String SSH = "SecurityGroupOpenSsh";
    /** AWS text is untrusted: the API must hand it back as data. */
    static final String MARKUP = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quotes\"";

    private final FindingStore store = Arc.container().instance(FindingStore.class).get();
    private final FindingFixtures fx = new FindingFixtures(Arc.container().instance(TenantRunner.class).get(),
            Arc.container().instance(TenantRepository.class).get(),
            Arc.container().select(AgroalDataSource.class, new DataSource.DataSourceLiteral("platform")).get());
    private final UUID tenant;
    private final UUID account;

    FindingSeeds(UUID tenant) {
        this.tenant = tenant;
        this.account = fx.account(tenant, ACCT);
    }

    void checks(String region, String source, CheckResult... results) {
        ScopeUpdate update = store.begin(tenant, account, ACCT, region, source, false);
        List.of(results).forEach(update::accept);
        update.finish();
    }

    static CheckResult fail(String checkId, String resourceId, String variant) {
        return FindingFixtures.fail(checkId, ACCT, "eu-west-1", resourceId, variant);
    }

    /** A HIGH GuardDuty finding whose title, description and evidence carry markup. */
    void guardDutyWithMarkup(String id, Instant at) {
        ScopeUpdate update = store.begin(tenant, account, ACCT, "eu-west-1", "guardduty", false);
        update.accept(new GuardDutyFindingFacts(ACCT, "eu-west-1", id, "arn:aws:guardduty:eu-west-1:" + ACCT + ":detector/d/finding/" + id,
                "CryptoCurrency:EC2/BitcoinTool.B!DNS", 8.0, MARKUP, "desc " + MARKUP, at, at, false, 1, "Instance",
                "i-0markup", Map.of("instanceId", "i-0markup", "tag", MARKUP)));
        update.finish();
    }

    /** A compromise signal then StopLogging an hour later: one CRITICAL incident (Code Spaces). */
    void compromiseThenBlinding(Instant t) {
        ScopeUpdate threats = store.begin(tenant, account, ACCT, "eu-west-1", "guardduty", false);
        threats.accept(FindingFixtures.guardDuty(ACCT, "eu-west-1", "gd-inc", 8.5, 1, t, false));
        threats.finish();
        TrailEvent stop = TrailEvent.parse("""
                {"eventTime": "%s", "eventSource": "cloudtrail.amazonaws.com", "eventName": "StopLogging",
                 "awsRegion": "eu-west-1", "sourceIPAddress": "203.0.113.7", "eventType": "AwsApiCall",
                 "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::%s:user/mallory"},
                 "requestParameters": {"name": "main"}}""".formatted(t.plusSeconds(3600), ACCT));
        ScopeUpdate trail = store.begin(tenant, account, ACCT, "eu-west-1", "cloudtrail-events", false);
        TrailEventClassifier.classify(stop).forEach(signal -> trail.accept(stop, signal));
        trail.finish();
    }
}
