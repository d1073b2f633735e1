package io.cloudward.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.onboarding.CollectorPermissions.Capability;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void threatsAreFindingsAndEventsTheRestIsPosture() {
        assertEquals(EnumSet.of(Source.GUARDDUTY_FINDINGS, Source.CLOUDTRAIL_EVENTS), Source.of(Source.Family.THREATS));
        assertEquals(Source.values().length - 2, Source.of(Source.Family.POSTURE).size());
    }

    @Test
    void onlyIamAndS3AreGlobal() {
        Set<Source> global = EnumSet.noneOf(Source.class);
        for (Source source : Source.values()) {
            if (source.scope() == Source.Scope.GLOBAL) {
                global.add(source);
            }
        }
        assertEquals(EnumSet.of(Source.IAM, Source.EXPOSURE_S3), global);
    }

    @Test
    void aSourceMayCallOnlyTheActionsOfItsCapabilities() {
        assertTrue(Source.BACKUP.calls("ec2:DescribeVolumes"), "coverage needs the volumes");
        assertTrue(Source.BACKUP.calls("backup:ListProtectedResources"));
        assertFalse(Source.GUARDDUTY_FINDINGS.calls("ec2:DescribeVolumes"));
        assertEquals(Capability.CLOUDTRAIL, Source.CLOUDTRAIL_TRAILS.capability());
    }

    @Test
    void theStandardRegistryHasOneCollectorPerSource() {
        SourceCollectors collectors = SourceCollectors.standard();
        for (Source source : Source.values()) {
            assertEquals(source, collectors.collector(source).source());
        }
    }
}
