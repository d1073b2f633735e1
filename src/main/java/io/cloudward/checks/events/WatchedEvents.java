package io.cloudward.checks.events;

import io.cloudward.checks.Severity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.cloudward.checks.events.EventKind.DEFENCE_EVASION;
import static io.cloudward.checks.events.EventKind.DESTRUCTION;

/**
 * The CloudTrail management events that blind the watcher or destroy the means of recovery. Intruders
 * stop logging and suspend detection first, then delete data and backups (Code Spaces); each of these calls
 * deserves an alert even when it was authorised, because it rarely is routine.
 */
public final class WatchedEvents {

    private static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";
    private static final String GUARDDUTY = "guardduty.amazonaws.com";
    private static final String CONFIG = "config.amazonaws.com";
    private static final String BACKUP = "backup.amazonaws.com";

    private static final List<WatchedEvent> ALL = List.of(
            watch(CLOUDTRAIL, "StopLogging", DEFENCE_EVASION, Severity.HIGH, "stops a CloudTrail trail from recording API activity"),
            watch(CLOUDTRAIL, "DeleteTrail", DEFENCE_EVASION, Severity.HIGH, "deletes a CloudTrail trail"),
            watch(CLOUDTRAIL, "UpdateTrail", DEFENCE_EVASION, Severity.MEDIUM,
                    "changes where and how a trail records (bucket, regions, encryption, validation)"),
            watch(CLOUDTRAIL, "PutEventSelectors", DEFENCE_EVASION, Severity.MEDIUM, "changes which events a trail records"),
            watch(GUARDDUTY, "DeleteDetector", DEFENCE_EVASION, Severity.HIGH,
                    "deletes the GuardDuty detector together with its findings and settings"),
            new WatchedEvent(GUARDDUTY, "UpdateDetector", Map.of("enable", "false"), DEFENCE_EVASION, Severity.HIGH,
                    "suspends GuardDuty so it stops producing findings"),
            watch(GUARDDUTY, "DisassociateFromAdministratorAccount", DEFENCE_EVASION, Severity.HIGH,
                    "detaches the account from the GuardDuty administrator, hiding its findings from the security team"),
            watch(GUARDDUTY, "DisassociateFromMasterAccount", DEFENCE_EVASION, Severity.HIGH,
                    "detaches the account from the GuardDuty administrator (older API name), hiding its findings"),
            new WatchedEvent(GUARDDUTY, "CreateFilter", Map.of("action", "ARCHIVE"), DEFENCE_EVASION, Severity.MEDIUM,
                    "creates a suppression rule that archives matching GuardDuty findings automatically"),
            watch(CONFIG, "StopConfigurationRecorder", DEFENCE_EVASION, Severity.MEDIUM,
                    "stops AWS Config from recording configuration changes"),
            watch(CONFIG, "DeleteDeliveryChannel", DEFENCE_EVASION, Severity.MEDIUM,
                    "deletes the AWS Config delivery channel, so configuration history is no longer delivered"),
            watch("s3.amazonaws.com", "DeletePublicAccessBlock", DEFENCE_EVASION, Severity.MEDIUM,
                    "removes S3 Block Public Access settings, allowing buckets to be made public"),
            watch(BACKUP, "DeleteBackupVault", DESTRUCTION, Severity.HIGH, "deletes an AWS Backup vault"),
            watch(BACKUP, "DeleteRecoveryPoint", DESTRUCTION, Severity.HIGH, "deletes a backup recovery point"),
            watch(BACKUP, "DeleteBackupPlan", DESTRUCTION, Severity.MEDIUM, "deletes a backup plan, so its resources stop being backed up"),
            watch(BACKUP, "DeleteBackupVaultLockConfiguration", DESTRUCTION, Severity.HIGH,
                    "removes a backup vault's lock, so its recovery points can be deleted"),
            watch("ec2.amazonaws.com", "TerminateInstances", DESTRUCTION, Severity.LOW, "terminates EC2 instances"),
            watch("rds.amazonaws.com", "DeleteDBInstance", DESTRUCTION, Severity.MEDIUM, "deletes an RDS database instance"));

    private WatchedEvents() {
    }

    public static List<WatchedEvent> all() {
        return ALL;
    }

    /** The distinct event names, e.g. for LookupEvents' EventName lookup attribute. */
    public static List<String> eventNames() {
        return ALL.stream().map(WatchedEvent::eventName).distinct().toList();
    }

    public static Optional<WatchedEvent> match(TrailEvent event) {
        return ALL.stream().filter(watched -> watched.matches(event)).findFirst();
    }

    private static WatchedEvent watch(String source, String name, EventKind kind, Severity severity, String effect) {
        return new WatchedEvent(source, name, Map.of(), kind, severity, effect);
    }
}
