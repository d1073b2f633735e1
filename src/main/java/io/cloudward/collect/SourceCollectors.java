package io.cloudward.collect;

import io.cloudward.collect.backup.BackupCollector;
import io.cloudward.collect.cloudtrail.CloudTrailEventsCollector;
import io.cloudward.collect.cloudtrail.CloudTrailTrailsCollector;
import io.cloudward.collect.config.ConfigCollector;
import io.cloudward.collect.exposure.ExposureEc2Collector;
import io.cloudward.collect.exposure.ExposureRdsCollector;
import io.cloudward.collect.exposure.ExposureS3Collector;
import io.cloudward.collect.guardduty.GuardDutyDetectorsCollector;
import io.cloudward.collect.guardduty.GuardDutyFindingsCollector;
import io.cloudward.collect.iam.IamCollector;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One collector per {@link Source}, checked complete at construction. */
public final class SourceCollectors {

    /** How far back the first trail-event collection of an account × region reads. */
    public static final Duration DEFAULT_FIRST_EVENT_LOOK_BACK = Duration.ofDays(1);

    private final Map<Source, SourceCollector> bySource = new EnumMap<>(Source.class);

    public SourceCollectors(List<SourceCollector> collectors) {
        for (SourceCollector collector : collectors) {
            if (bySource.put(collector.source(), collector) != null) {
                throw new IllegalArgumentException("Two collectors for " + collector.source());
            }
        }
        for (Source source : Source.values()) {
            if (!bySource.containsKey(source)) {
                throw new IllegalArgumentException("No collector for " + source);
            }
        }
    }

    public static SourceCollectors standard() {
        return standard(DEFAULT_FIRST_EVENT_LOOK_BACK);
    }

    public static SourceCollectors standard(Duration firstEventLookBack) {
        return new SourceCollectors(List.of(new GuardDutyDetectorsCollector(), new GuardDutyFindingsCollector(),
                new CloudTrailTrailsCollector(), new CloudTrailEventsCollector(firstEventLookBack), new ConfigCollector(),
                new ExposureEc2Collector(), new ExposureRdsCollector(), new ExposureS3Collector(), new IamCollector(),
                new BackupCollector()));
    }

    public SourceCollector collector(Source source) {
        return bySource.get(source);
    }

    public Collection<SourceCollector> all() {
        return bySource.values();
    }
}
