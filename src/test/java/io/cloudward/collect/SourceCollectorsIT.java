package io.cloudward.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.aws.AccountClients;
import io.cloudward.aws.AwsClientSettings;
import io.cloudward.aws.AwsRuntime;
import io.cloudward.aws.RoleSession;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.CheckStatus;
import io.cloudward.checks.events.EventKind;
import io.cloudward.collect.snapshot.DbInstanceFacts;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import io.cloudward.collect.snapshot.SecurityGroupFacts;
import io.cloudward.onboarding.CollectorPermissions;
import io.cloudward.sandbox.SandboxServer;
import io.cloudward.sandbox.SandboxSettings;
import io.cloudward.sandbox.estate.CloudwardRoleTemplate;
import io.cloudward.sandbox.estate.Role;
import io.cloudward.sandbox.faults.FaultRule;
import io.cloudward.sandbox.identity.HubPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Every source against the sandbox scenarios: real facts, checks over them, and every way a source can end. */
class SourceCollectorsIT {

    private static final String CODESPACES = "111111111111";
    private static final String EXPOSED_DB = "222222222222";
    private static final String BLIND_SPOTS = "333333333333";
    private static final String WELL_RUN = "444444444444";
    private static final String ROLE = "CloudwardSecurityAudit";
    private static final Map<String, String> EXTERNAL_IDS = Map.of(CODESPACES, "cw-codespaces-5f2c9a71e4",
            EXPOSED_DB, "cw-exposed-db-8e41d07b3c", BLIND_SPOTS, "cw-blind-spots-2a9d6f18b0",
            WELL_RUN, "cw-well-run-7c3e5b92d4");

    private static SandboxServer sandbox;
    private static AwsRuntime aws;
    private static final SourceCollectors COLLECTORS = SourceCollectors.standard();
    private final List<AccountClients> opened = new ArrayList<>();

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxSettings.defaults().withPort(0));
        HubPrincipal hub = sandbox.hubCredentials();
        aws = AwsRuntime.of(AwsClientSettings.sandbox(sandbox.endpoint()).withMaxAttempts(4)
                        .withReadTimeout(Duration.ofSeconds(5)).withCallTimeout(Duration.ofSeconds(20)),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(hub.accessKeyId(), hub.secretAccessKey())),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        aws.close();
        sandbox.close();
    }

    @AfterEach
    void closeClients() {
        opened.forEach(AccountClients::close);
        sandbox.faults().clear();
    }

    private AccountClients clients(String accountId) {
        AccountClients clients = aws.account(new RoleSession("arn:aws:iam::" + accountId + ":role/" + ROLE,
                EXTERNAL_IDS.get(accountId)));
        opened.add(clients);
        return clients;
    }

    private SourceOutcome collect(Source source, String accountId, String region, RecordingSink sink) {
        return collect(source, accountId, region, Optional.empty(), sink);
    }

    private SourceOutcome collect(Source source, String accountId, String region, Optional<Instant> watermark,
                                  RecordingSink sink) {
        CollectTarget target = CollectTarget.of(clients(accountId), region, sandboxClock()).withWatermark(watermark);
        return COLLECTORS.collector(source).collect(target, sink);
    }

    private static Instant sandboxNow() {
        return sandbox.clock().now();
    }

    /** Collection reads the estate's time (tests move it); sessions keep the real clock, as in production. */
    private static Clock sandboxClock() {
        return sandbox.clock().asClock();
    }

    @Test
    void everySourceEndsOkForEveryScenario() {
        for (String account : EXTERNAL_IDS.keySet()) {
            for (Source source : Source.values()) {
                String region = source.scope() == Source.Scope.GLOBAL ? Source.GLOBAL_REGION : "us-east-1";
                RecordingSink sink = new RecordingSink();
                SourceOutcome outcome = collect(source, account, region, sink);
                assertEquals(SourceOutcome.Status.OK, outcome.status(), account + " " + source + ": " + outcome);
                assertTrue(outcome.apiCalls() > 0, source + " made no call");
                sink.judge(account, sandboxNow());
            }
        }
    }

    @Test
    void exposedDatabaseAndOpenPostgresFailTheirChecks() {
        RecordingSink sink = new RecordingSink();
        assertTrue(collect(Source.EXPOSURE_EC2, EXPOSED_DB, "us-east-1", sink).ok());
        assertTrue(collect(Source.EXPOSURE_RDS, EXPOSED_DB, "us-east-1", sink).ok());
        SecurityGroupFacts dbPublic = sink.of(SecurityGroupFacts.class).stream()
                .filter(group -> group.groupId().equals("sg-0e4b05ed0b00000db")).findFirst().orElseThrow();
        assertTrue(dbPublic.ingress().stream().anyMatch(rule -> rule.fromPort().equals(Optional.of(5432))
                && rule.ipv4Ranges().contains("0.0.0.0/0")));
        assertTrue(dbPublic.attachments().stream().anyMatch(eni -> eni.publicIp().isPresent()),
                "the group is attached to interfaces with public IPs");
        DbInstanceFacts customers = sink.of(DbInstanceFacts.class).stream()
                .filter(db -> db.identifier().equals("customers-prod")).findFirst().orElseThrow();
        assertTrue(customers.publiclyAccessible());

        List<CheckResult> results = sink.judge(EXPOSED_DB, sandboxNow());
        assertEquals(CheckStatus.FAIL, result(results, "SecurityGroupOpenDatabasePorts", "sg-0e4b05ed0b00000db").status());
        assertEquals(CheckStatus.FAIL, result(results, "RdsNotPubliclyAccessible", "customers-prod").status());
        assertEquals(CheckStatus.FAIL, result(results, "RdsStorageEncrypted", "customers-prod").status());
    }

    @Test
    void wellRunPassesTheExposureChecks() {
        RecordingSink sink = new RecordingSink();
        assertTrue(collect(Source.EXPOSURE_EC2, WELL_RUN, "eu-central-1", sink).ok());
        assertTrue(collect(Source.EXPOSURE_RDS, WELL_RUN, "eu-central-1", sink).ok());
        assertTrue(collect(Source.EXPOSURE_S3, WELL_RUN, Source.GLOBAL_REGION, sink).ok());
        List<CheckResult> results = sink.judge(WELL_RUN, sandboxNow());
        assertFalse(results.isEmpty());
        List<CheckResult> failed = results.stream().filter(r -> r.status() == CheckStatus.FAIL)
                .filter(r -> r.checkId().startsWith("SecurityGroup") || r.checkId().startsWith("Rds")
                        || r.checkId().startsWith("S3"))
                .toList();
        assertEquals(List.of(), failed);
    }

    @Test
    void guardDutyFindingsStreamWithAWatermarkAndComeBackOnlyWhenUpdated() {
        RecordingSink first = new RecordingSink();
        SourceOutcome initial = collect(Source.GUARDDUTY_FINDINGS, EXPOSED_DB, "us-east-1", first);
        assertTrue(initial.ok(), initial.toString());
        assertTrue(first.findings.size() >= 3);
        GuardDutyFindingFacts miner = first.findings.stream()
                .filter(f -> f.type().equals("CryptoCurrency:EC2/BitcoinTool.B!DNS")).findFirst().orElseThrow();
        assertEquals("i-0e4b05ed0b0000002", miner.resourceId());
        assertEquals(41, miner.count());
        Instant mark = first.findings.stream().map(GuardDutyFindingFacts::updatedAt).max(Instant::compareTo).orElseThrow();
        assertEquals(Optional.of(mark), initial.watermark());

        RecordingSink unchanged = new RecordingSink();
        SourceOutcome again = collect(Source.GUARDDUTY_FINDINGS, EXPOSED_DB, "us-east-1", initial.watermark(), unchanged);
        assertTrue(again.ok());
        assertEquals(List.of(), unchanged.findings, "nothing was updated since the watermark");
        assertEquals(initial.watermark(), again.watermark());

        sandbox.clock().advance(Duration.ofDays(1));
        RecordingSink later = new RecordingSink();
        SourceOutcome next = collect(Source.GUARDDUTY_FINDINGS, EXPOSED_DB, "us-east-1", initial.watermark(), later);
        assertTrue(next.ok(), next.toString());
        assertFalse(later.findings.isEmpty(), "a day of activity updates or adds findings");
        assertTrue(later.findings.stream().allMatch(f -> f.updatedAt().isAfter(mark)));
        assertTrue(next.watermark().orElseThrow().isAfter(mark));
    }

    @Test
    void trailEventsThatBlindTheWatcherComeOutWithTheirSignals() {
        RecordingSink sink = new RecordingSink();
        SourceOutcome outcome = collect(Source.CLOUDTRAIL_EVENTS, CODESPACES, "eu-west-1", sink);
        assertTrue(outcome.ok(), outcome.toString());
        assertTrue(sink.events.stream().anyMatch(e -> e.event().eventName().equals("StopLogging")), sink.events.toString());
        assertTrue(outcome.watermark().isPresent());
        RecordingSink logins = new RecordingSink();
        collect(Source.CLOUDTRAIL_EVENTS, CODESPACES, "us-east-1", logins);
        assertTrue(logins.events.stream().flatMap(e -> e.signals().stream())
                .anyMatch(signal -> signal.kind() == EventKind.CONSOLE_LOGIN_WITHOUT_MFA), logins.events.toString());
    }

    @Test
    void aMissingActionIsNamed() {
        List<String> allowed = new ArrayList<>(CollectorPermissions.allActions());
        allowed.remove("ec2:DescribeSecurityGroups");
        sandbox.estate().setAllowedActions(EXPOSED_DB, ROLE, allowed);
        try {
            SourceOutcome outcome = collect(Source.EXPOSURE_EC2, EXPOSED_DB, "us-east-1", new RecordingSink());
            assertEquals(SourceOutcome.Status.ACCESS_DENIED, outcome.status());
            assertEquals(Optional.of("ec2:DescribeSecurityGroups"), outcome.deniedAction());
            assertEquals(Optional.of("UnauthorizedOperation"), outcome.errorCode());
            assertTrue(collect(Source.EXPOSURE_RDS, EXPOSED_DB, "us-east-1", new RecordingSink()).ok(),
                    "one refused action fails its own source only");
        } finally {
            sandbox.estate().applyTemplate(EXPOSED_DB, ROLE, CloudwardRoleTemplate.text(), Map.of());
        }
    }

    @Test
    void aRegionTheAccountHasNotEnabledSaysSo() {
        SourceOutcome outcome = collect(Source.GUARDDUTY_DETECTORS, EXPOSED_DB, "me-south-1", new RecordingSink());
        assertEquals(SourceOutcome.Status.REGION_DISABLED, outcome.status(), outcome.toString());
        assertEquals(Optional.of("UnrecognizedClientException"), outcome.errorCode());
    }

    @Test
    void throttlingIsRetriedAndReportedWhenItPersists() {
        String sometimes = sandbox.faults().add(FaultRule.parse(
                "throttle account=" + WELL_RUN + " service=ec2 operation=DescribeSecurityGroups rate=0.5"));
        assertTrue(collect(Source.EXPOSURE_EC2, WELL_RUN, "eu-central-1", new RecordingSink()).ok(),
                "the SDK's retries get through half-throttled calls");
        sandbox.faults().remove(sometimes);
        sandbox.faults().add(FaultRule.parse("throttle account=" + WELL_RUN + " service=guardduty operation=ListDetectors"));
        SourceOutcome outcome = collect(Source.GUARDDUTY_DETECTORS, WELL_RUN, "eu-central-1", new RecordingSink());
        assertEquals(SourceOutcome.Status.THROTTLED, outcome.status());
        assertEquals(Optional.of("ThrottlingException"), outcome.errorCode());
    }

    @Test
    void anExpiredSessionIsAssumedAgain() {
        assertTrue(collect(Source.IAM, BLIND_SPOTS, Source.GLOBAL_REGION, new RecordingSink()).ok());
        long before = aws.sessions().assumeRoleCalls();
        sandbox.clock().advance(Duration.ofHours(2));
        SourceOutcome outcome = collect(Source.IAM, BLIND_SPOTS, Source.GLOBAL_REGION, new RecordingSink());
        assertTrue(outcome.ok(), outcome.toString());
        assertEquals(before + 1, aws.sessions().assumeRoleCalls());
    }

    @Test
    void accountSummariesComeOnlyFromCompleteRegions() {
        RecordingSink sink = new RecordingSink();
        AccountSummaries summaries = new AccountSummaries(sink);
        List<String> regions = List.of("eu-central-1", "us-east-1");
        for (String region : regions) {
            CollectTarget target = CollectTarget.of(clients(WELL_RUN), region, sandboxClock());
            summaries.outcome(COLLECTORS.collector(Source.CLOUDTRAIL_TRAILS).collect(target, summaries));
            summaries.outcome(COLLECTORS.collector(Source.GUARDDUTY_DETECTORS).collect(target, summaries));
        }
        summaries.finish(regions);
        List<CheckResult> results = sink.judge(WELL_RUN, sandboxNow());
        assertEquals(CheckStatus.PASS, results.stream().filter(r -> r.checkId().equals("CloudTrailMultiRegionTrailLogging"))
                .findFirst().orElseThrow().status());
        assertEquals(CheckStatus.PASS, results.stream().filter(r -> r.checkId().equals("CloudTrailBucketNotPublic"))
                .findFirst().orElseThrow().status());
    }

    private static CheckResult result(List<CheckResult> results, String checkId, String resourceId) {
        return results.stream().filter(r -> r.checkId().equals(checkId) && r.resource().id().contains(resourceId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + checkId + " result for " + resourceId + " in "
                        + results.stream().map(r -> r.checkId() + ":" + r.resource().id()).toList()));
    }
}
