package io.cloudward.collect;

import io.cloudward.onboarding.CollectorPermissions.Capability;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One thing Cloudward collects for an account, in one region or account-wide: the unit a run schedules,
 * times and reports a status for.
 */
public enum Source {
    GUARDDUTY_DETECTORS(Family.POSTURE, Scope.REGIONAL, Capability.GUARDDUTY),
    GUARDDUTY_FINDINGS(Family.THREATS, Scope.REGIONAL, Capability.GUARDDUTY),
    /** Trails whose home region this is; the log bucket's public status comes from S3. */
    CLOUDTRAIL_TRAILS(Family.POSTURE, Scope.REGIONAL, Capability.CLOUDTRAIL, Capability.EXPOSURE_S3),
    CLOUDTRAIL_EVENTS(Family.THREATS, Scope.REGIONAL, Capability.CLOUDTRAIL),
    CONFIG(Family.POSTURE, Scope.REGIONAL, Capability.CONFIG),
    EXPOSURE_EC2(Family.POSTURE, Scope.REGIONAL, Capability.EXPOSURE_EC2),
    EXPOSURE_RDS(Family.POSTURE, Scope.REGIONAL, Capability.EXPOSURE_RDS),
    EXPOSURE_S3(Family.POSTURE, Scope.GLOBAL, Capability.EXPOSURE_S3),
    IAM(Family.POSTURE, Scope.GLOBAL, Capability.IAM),
    /** AWS Backup, judged against the EBS volumes and RDS instances that exist (coverage). */
    BACKUP(Family.POSTURE, Scope.REGIONAL, Capability.BACKUP, Capability.EXPOSURE_EC2, Capability.EXPOSURE_RDS);

    /** Which schedule a source follows. */
    public enum Family {
        /** GuardDuty findings and trail events: every 15 minutes by default, incremental. */
        THREATS,
        /** Full snapshots of configuration: every 6 hours by default. */
        POSTURE
    }

    /** Whether a source is collected once per covered region or once per account. */
    public enum Scope { REGIONAL, GLOBAL }

    /** The region name a {@link Scope#GLOBAL} source is collected "in". */
    public static final String GLOBAL_REGION = "global";

    private final Family family;
    private final Scope scope;
    private final Capability capability;
    private final List<Capability> alsoUses;

    Source(Family family, Scope scope, Capability capability, Capability... alsoUses) {
        this.family = family;
        this.scope = scope;
        this.capability = capability;
        this.alsoUses = List.of(alsoUses);
    }

    public Family family() {
        return family;
    }

    public Scope scope() {
        return scope;
    }

    /** The capability whose permissions this source exists for. */
    public Capability capability() {
        return capability;
    }

    /** Every capability whose actions this source calls: its own first, then those it borrows. */
    public List<Capability> capabilities() {
        return Stream.concat(Stream.of(capability), alsoUses.stream()).toList();
    }

    /** True when {@code action} is one this source may call, by {@code CollectorPermissions}. */
    public boolean calls(String action) {
        return capabilities().stream().anyMatch(c -> c.actions().contains(action));
    }

    public static Set<Source> of(Family family) {
        return Arrays.stream(values()).filter(source -> source.family == family)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Source.class)));
    }
}
