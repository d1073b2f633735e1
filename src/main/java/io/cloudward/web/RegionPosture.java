package io.cloudward.web;

import io.cloudward.collect.ScanRunSource;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceOutcome;
import io.cloudward.findings.FindingStats;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the watchers are on, per region of one account, derived without new collection: a region is "off"
 * when an open finding of the check that watches it says so, "on" when the source was collected there in the
 * latest posture run and no such finding is open (a passing check stores no finding), and "no data" otherwise.
 */
public record RegionPosture(List<Region> regions, int guardDutyOn, Health trail, Health backup) {

    public enum State {
        ON("on", "ok"), OFF("off", "bad"), UNKNOWN("no data", "");

        private final String label;
        private final String tone;

        State(String label, String tone) {
            this.label = label;
            this.tone = tone;
        }

        public String label() {
            return label;
        }

        public String tone() {
            return tone;
        }
    }

    public record Region(String name, State guardDuty, State trail, State config) {
    }

    /** An account-wide summary: how many open findings of a family of checks, or whether it was collected at all. */
    public record Health(long issues, boolean collected) {
        public String label() {
            return issues > 0 ? issues + (issues == 1 ? " issue" : " issues") : collected ? "healthy" : "no data";
        }

        public String tone() {
            return issues > 0 ? "bad" : collected ? "ok" : "";
        }
    }

    static final Set<String> GUARDDUTY_OFF = Set.of("GuardDutyEnabled", "GuardDutyDetectorNotSuspended");
    static final Set<String> TRAIL_OFF = Set.of("CloudTrailTrailLogging");
    static final String NO_MULTI_REGION_TRAIL = "CloudTrailMultiRegionTrailLogging";
    static final Set<String> CONFIG_OFF = Set.of("ConfigRecorderPresent", "ConfigRecorderRecording");
    static final Set<String> TRAIL_HEALTH = Set.of("CloudTrailTrailLogging", NO_MULTI_REGION_TRAIL, "CloudTrailDeliveryHealthy",
            "CloudTrailLogFileValidationEnabled", "CloudTrailEncryptedWithKms", "CloudTrailManagementEventsCaptured",
            "CloudTrailBucketNotPublic");
    static final Set<String> BACKUP_HEALTH = Set.of("BackupJobsSucceeding", "BackupPlanCopiesToAnotherAccount",
            "BackupPlanExists", "BackupVaultLocked", "EbsVolumeBackedUp", "RdsInstanceBackedUp", "RecoveryPointRecent");
    /** Every check this class reads, for one query. */
    public static final Set<String> CHECKS = Set.copyOf(java.util.stream.Stream.of(GUARDDUTY_OFF, TRAIL_HEALTH, CONFIG_OFF,
            BACKUP_HEALTH).flatMap(Set::stream).collect(Collectors.toSet()));
    /** The sources whose outcome tells whether a region was looked at. */
    public static final List<Source> SOURCES = List.of(Source.GUARDDUTY_DETECTORS, Source.CLOUDTRAIL_TRAILS, Source.CONFIG,
            Source.BACKUP);

    /**
     * @param regions the regions the account covers
     * @param open    the account's open findings of {@link #CHECKS}
     * @param sources the account's latest posture outcomes of {@link #SOURCES}
     */
    public static RegionPosture of(List<String> regions, Collection<FindingStats.OpenCheck> open, Collection<ScanRunSource> sources) {
        boolean noMultiRegionTrail = open.stream().anyMatch(o -> o.checkId().equals(NO_MULTI_REGION_TRAIL));
        List<Region> rows = regions.stream().sorted().map(region -> new Region(region,
                state(region, GUARDDUTY_OFF, Source.GUARDDUTY_DETECTORS, open, sources, false),
                state(region, TRAIL_OFF, Source.CLOUDTRAIL_TRAILS, open, sources, noMultiRegionTrail),
                state(region, CONFIG_OFF, Source.CONFIG, open, sources, false))).toList();
        int guardDutyOn = (int) rows.stream().filter(r -> r.guardDuty() == State.ON).count();
        return new RegionPosture(rows, guardDutyOn, health(TRAIL_HEALTH, Source.CLOUDTRAIL_TRAILS, open, sources),
                health(BACKUP_HEALTH, Source.BACKUP, open, sources));
    }

    /** Unprotected resources (never backed up) among the open backup findings. */
    public static long unprotected(Collection<FindingStats.OpenCheck> open) {
        return open.stream().filter(o -> o.checkId().equals("EbsVolumeBackedUp") || o.checkId().equals("RdsInstanceBackedUp"))
                .mapToLong(FindingStats.OpenCheck::count).sum();
    }

    private static State state(String region, Set<String> offChecks, Source source, Collection<FindingStats.OpenCheck> open,
                               Collection<ScanRunSource> sources, boolean offEverywhere) {
        if (offEverywhere || open.stream().anyMatch(o -> region.equals(o.region()) && offChecks.contains(o.checkId()))) {
            return State.OFF;
        }
        return collected(sources, source, region) ? State.ON : State.UNKNOWN;
    }

    private static Health health(Set<String> checks, Source source, Collection<FindingStats.OpenCheck> open,
                                 Collection<ScanRunSource> sources) {
        long issues = open.stream().filter(o -> checks.contains(o.checkId())).mapToLong(FindingStats.OpenCheck::count).sum();
        return new Health(issues, collected(sources, source, null));
    }

    /** True when the source ended OK or PARTIAL in the region (any region when {@code region} is null). */
    private static boolean collected(Collection<ScanRunSource> sources, Source source, String region) {
        return sources.stream().anyMatch(s -> s.key.source().equals(source.name())
                && (region == null || s.key.region().equals(region))
                && (s.status == SourceOutcome.Status.OK || s.status == SourceOutcome.Status.PARTIAL));
    }
}
