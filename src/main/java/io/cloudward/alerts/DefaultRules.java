package io.cloudward.alerts;

import java.util.List;

/**
 * The rules every tenant starts with (created once, the first time its rules are read or an event of it is
 * routed). They send to all destinations, so they work as soon as the first one is added.
 */
final class DefaultRules {
    private static final List<String> OPENED = List.of("finding.created", "finding.reopened");
    private static final AlertAction EVERYWHERE = new AlertAction(List.of(), true, 0, null);

    record Default(String key, String name, AlertMatch match) {
    }

    static final List<Default> ALL = List.of(
            new Default("critical-findings", "Critical findings",
                    new AlertMatch(OPENED, "CRITICAL", null, null, null, null, null, false)),
            new Default("incidents", "Incidents",
                    new AlertMatch(List.of("incident.created"), null, null, null, null, null, null, false)),
            // The watcher was blinded: a check saying GuardDuty, CloudTrail or Config is off, or the CloudTrail
            // event that switched it off (DEFENCE_EVASION:StopLogging, …).
            new Default("watcher-blinded", "The watcher was blinded",
                    new AlertMatch(OPENED, null, null, List.of("GuardDutyEnabled", "GuardDutyEnabledInAllRegions",
                            "GuardDutyDetectorNotSuspended", "CloudTrailTrailLogging", "CloudTrailMultiRegionTrailLogging",
                            "ConfigRecorderPresent", "ConfigRecorderRecording", "DEFENCE_EVASION:*"),
                            null, null, null, false)),
            new Default("database-exposed", "New internet exposure of a database",
                    new AlertMatch(OPENED, null, null, List.of("SecurityGroupOpenDatabasePorts", "RdsNotPubliclyAccessible"),
                            null, null, null, false)));

    static AlertAction action() {
        return EVERYWHERE;
    }

    private DefaultRules() {
    }
}
