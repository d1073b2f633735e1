package io.cloudward.checks.events;

import io.cloudward.checks.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrailEventClassifierTest {

    private static final String BOB = """
            "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::123456789012:user/bob"}""";
    private static final String ROOT = """
            "userIdentity": {"type": "Root", "arn": "arn:aws:iam::123456789012:root"}""";

    /** A CloudTrail record as LookupEvents returns it in CloudTrailEvent. */
    private static String event(String source, String name, String identity, String extra) {
        return """
                {"eventVersion": "1.09", "eventTime": "2025-06-01T10:15:00Z", "eventSource": "%s", "eventName": "%s",
                 "awsRegion": "eu-west-1", "sourceIPAddress": "203.0.113.7", "eventType": "AwsApiCall", %s %s}"""
                .formatted(source, name, identity, extra.isEmpty() ? "" : ", " + extra);
    }

    private static List<EventSignal> classify(String json) {
        return TrailEventClassifier.classify(TrailEvent.parse(json));
    }

    @Test
    void stopLoggingBlindsTheWatcher() {
        List<EventSignal> signals = classify(event("cloudtrail.amazonaws.com", "StopLogging", BOB,
                "\"requestParameters\": {\"name\": \"main\"}"));
        assertEquals(1, signals.size());
        EventSignal signal = signals.getFirst();
        assertEquals(EventKind.DEFENCE_EVASION, signal.kind());
        assertEquals(Severity.HIGH, signal.severity());
        assertEquals("arn:aws:iam::123456789012:user/bob called StopLogging, which stops a CloudTrail trail from recording "
                + "API activity from 203.0.113.7 in eu-west-1 at 2025-06-01 10:15 UTC.", signal.sentence());
    }

    @Test
    void updateDetectorCountsOnlyWhenItDisables() {
        List<EventSignal> disabled = classify(event("guardduty.amazonaws.com", "UpdateDetector", BOB,
                "\"requestParameters\": {\"detectorId\": \"d-1\", \"enable\": false}"));
        assertEquals(EventKind.DEFENCE_EVASION, disabled.getFirst().kind());
        assertTrue(disabled.getFirst().sentence().contains("suspends GuardDuty"));
        assertEquals(List.of(), classify(event("guardduty.amazonaws.com", "UpdateDetector", BOB,
                "\"requestParameters\": {\"detectorId\": \"d-1\", \"enable\": true}")));
        assertEquals(List.of(), classify(event("guardduty.amazonaws.com", "UpdateDetector", BOB,
                "\"requestParameters\": {\"detectorId\": \"d-1\", \"findingPublishingFrequency\": \"SIX_HOURS\"}")));
    }

    @Test
    void createFilterCountsOnlyWhenItArchives() {
        assertEquals(Severity.MEDIUM, classify(event("guardduty.amazonaws.com", "CreateFilter", BOB,
                "\"requestParameters\": {\"name\": \"quiet\", \"action\": \"ARCHIVE\", \"findingCriteria\": {}}")).getFirst().severity());
        assertEquals(List.of(), classify(event("guardduty.amazonaws.com", "CreateFilter", BOB,
                "\"requestParameters\": {\"name\": \"tag\", \"action\": \"NOOP\"}")));
    }

    @Test
    void aDeniedAttemptIsReportedOneBandLower() {
        EventSignal signal = classify(event("backup.amazonaws.com", "DeleteRecoveryPoint", BOB,
                "\"errorCode\": \"AccessDenied\", \"errorMessage\": \"not authorized\"")).getFirst();
        assertEquals(EventKind.DESTRUCTION, signal.kind());
        assertEquals(Severity.MEDIUM, signal.severity());
        assertTrue(signal.sentence().contains("tried to call DeleteRecoveryPoint"), signal.sentence());
        assertTrue(signal.sentence().contains("(it failed with AccessDenied)"), signal.sentence());
    }

    @Test
    void aDeniedLowSeverityAttemptStaysLow() {
        assertEquals(Severity.LOW, classify(event("ec2.amazonaws.com", "TerminateInstances", BOB,
                "\"errorCode\": \"UnauthorizedOperation\"")).getFirst().severity());
    }

    @Test
    void theSameNameFromAnotherServiceIsIgnored() {
        assertEquals(List.of(), classify(event("logs.amazonaws.com", "DeleteDeliveryChannel", BOB, "")));
    }

    @Test
    void destructionOfInstancesAndDatabases() {
        assertEquals(EventKind.DESTRUCTION, classify(event("rds.amazonaws.com", "DeleteDBInstance", BOB, "")).getFirst().kind());
        assertEquals(Severity.LOW, classify(event("ec2.amazonaws.com", "TerminateInstances", BOB, "")).getFirst().severity());
    }

    @Test
    void consoleLoginWithoutMfa() {
        List<EventSignal> signals = classify(event("signin.amazonaws.com", "ConsoleLogin", BOB,
                "\"additionalEventData\": {\"MFAUsed\": \"No\"}, \"responseElements\": {\"ConsoleLogin\": \"Success\"}"));
        assertEquals(1, signals.size());
        assertEquals(EventKind.CONSOLE_LOGIN_WITHOUT_MFA, signals.getFirst().kind());
        assertEquals(Severity.HIGH, signals.getFirst().severity());
        assertTrue(signals.getFirst().sentence().startsWith("IAM user arn:aws:iam::123456789012:user/bob signed in to the AWS "
                + "console without MFA from 203.0.113.7"), signals.getFirst().sentence());
    }

    @Test
    void consoleLoginWithMfaOrFailedIsNotASignal() {
        assertEquals(List.of(), classify(event("signin.amazonaws.com", "ConsoleLogin", BOB,
                "\"additionalEventData\": {\"MFAUsed\": \"Yes\"}, \"responseElements\": {\"ConsoleLogin\": \"Success\"}")));
        assertEquals(List.of(), classify(event("signin.amazonaws.com", "ConsoleLogin", BOB,
                "\"additionalEventData\": {\"MFAUsed\": \"No\"}, \"responseElements\": {\"ConsoleLogin\": \"Failure\"}")));
    }

    @Test
    void federatedSignInsAreLeftToTheIdentityProvider() {
        String federated = "\"userIdentity\": {\"type\": \"AssumedRole\", \"arn\": \"arn:aws:sts::123456789012:assumed-role/Admin/alice\"}";
        assertEquals(List.of(), classify(event("signin.amazonaws.com", "ConsoleLogin", federated,
                "\"additionalEventData\": {\"MFAUsed\": \"No\"}, \"responseElements\": {\"ConsoleLogin\": \"Success\"}")));
    }

    @Test
    void rootConsoleLoginWithoutMfaIsRootActivityAndCritical() {
        List<EventSignal> signals = classify(event("signin.amazonaws.com", "ConsoleLogin", ROOT,
                "\"additionalEventData\": {\"MFAUsed\": \"No\"}, \"responseElements\": {\"ConsoleLogin\": \"Success\"}"));
        assertEquals(List.of(EventKind.ROOT_ACTIVITY, EventKind.CONSOLE_LOGIN_WITHOUT_MFA), signals.stream().map(EventSignal::kind).toList());
        assertEquals(Severity.CRITICAL, signals.get(1).severity());
        assertTrue(signals.get(1).sentence().startsWith("The root user signed in"));
    }

    @Test
    void rootDeletingAVaultIsDestructionAndRootActivity() {
        List<EventSignal> signals = classify(event("backup.amazonaws.com", "DeleteBackupVault", ROOT, ""));
        assertEquals(List.of(EventKind.DESTRUCTION, EventKind.ROOT_ACTIVITY), signals.stream().map(EventSignal::kind).toList());
        assertTrue(signals.get(1).sentence().contains("The root user called DeleteBackupVault (backup.amazonaws.com)"));
    }

    @Test
    void servicesActingForRootAreNotRootActivity() {
        String invoked = "\"userIdentity\": {\"type\": \"Root\", \"invokedBy\": \"support.amazonaws.com\"}";
        assertEquals(List.of(), classify(event("iam.amazonaws.com", "ListRoles", invoked, "")));
        assertEquals(List.of(), classify(event("iam.amazonaws.com", "ListRoles", ROOT, "").replace("AwsApiCall", "AwsServiceEvent")));
        assertEquals(EventKind.ROOT_ACTIVITY, classify(event("iam.amazonaws.com", "ListRoles", ROOT, "")).getFirst().kind());
    }

    @Test
    void ordinaryEventsCarryNoSignal() {
        assertEquals(List.of(), classify(event("s3.amazonaws.com", "ListBuckets", BOB, "")));
    }

    @Test
    void rejectsRecordsWithoutTheEssentials() {
        assertThrows(IllegalArgumentException.class, () -> TrailEvent.parse("{not json"));
        assertThrows(IllegalArgumentException.class, () -> TrailEvent.parse("{\"eventSource\": \"s3.amazonaws.com\"}"));
        assertThrows(IllegalArgumentException.class, () -> TrailEvent.parse(event("s3.amazonaws.com", "ListBuckets", BOB, "")
                .replace("2025-06-01T10:15:00Z", "yesterday")));
    }
}
