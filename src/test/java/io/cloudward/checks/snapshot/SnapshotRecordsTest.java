package io.cloudward.checks.snapshot;

import io.cloudward.collect.snapshot.Arns;
import io.cloudward.collect.snapshot.AttachmentIndex;
import io.cloudward.collect.snapshot.BucketFacts;
import io.cloudward.collect.snapshot.DetectorFacts;
import io.cloudward.collect.snapshot.NetworkAttachment;
import io.cloudward.collect.snapshot.PublicAccessBlockFlags;
import io.cloudward.collect.snapshot.SecurityGroupFacts;
import io.cloudward.collect.snapshot.TrailFacts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotRecordsTest {

    @Test
    void arnsKnowPartitionsAndAccounts() {
        assertEquals("aws-cn", Arns.partitionOf("cn-north-1"));
        assertEquals("aws-us-gov", Arns.partitionOf("us-gov-west-1"));
        assertEquals("arn:aws:ec2:eu-west-1:123456789012:volume/vol-1", Arns.of("ec2", "eu-west-1", "123456789012", "volume/vol-1"));
        assertEquals(Optional.of("999988887777"), Arns.accountOf("arn:aws:backup:eu-west-1:999988887777:backup-vault:v"));
        assertEquals(Optional.empty(), Arns.accountOf("arn:aws:s3:::bucket"));
        assertEquals(Optional.empty(), Arns.accountOf("not-an-arn"));
    }

    @Test
    void attachmentIndexGroupsInterfacesBySecurityGroup() {
        NetworkAttachment web = attachment("eni-1", List.of("sg-web", "sg-ssh"));
        NetworkAttachment db = attachment("eni-2", List.of("sg-db"));
        AttachmentIndex index = AttachmentIndex.of(List.of(web, db));
        assertEquals(List.of(web), index.forGroup("sg-ssh"));
        assertEquals(List.of(db), index.forGroup("sg-db"));
        assertEquals(List.of(), index.forGroup("sg-unused"));
    }

    @Test
    void recordsCopyTheirListsAndRejectMissingFacts() {
        List<NetworkAttachment> attachments = new ArrayList<>();
        SecurityGroupFacts group = new SecurityGroupFacts("sg-1", "g", Optional.empty(), "eu-west-1", "123456789012",
                List.of(), attachments);
        attachments.add(attachment("eni-1", List.of("sg-1")));
        assertTrue(group.attachments().isEmpty());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> DetectorFacts.absent(" "));
        assertEquals("GuardDuty region must not be blank", blank.getMessage());
        NullPointerException missing = assertThrows(NullPointerException.class,
                () -> new DetectorFacts("eu-west-1", null));
        assertTrue(missing.getMessage().contains("Optional.empty()"));
    }

    @Test
    void eventSelectorsValidateReadWriteType() {
        assertThrows(IllegalArgumentException.class, () -> new TrailFacts.EventSelector("Everything", true, List.of()));
    }

    @Test
    void bucketEffectiveSettingsCombineBucketAndAccount() {
        BucketFacts bucket = new BucketFacts("b", "us-east-1", Optional.of(new PublicAccessBlockFlags(true, false, false, false)),
                Optional.of(new PublicAccessBlockFlags(false, true, true, false)), Optional.empty());
        assertEquals(List.of("RestrictPublicBuckets"), bucket.effectivePublicAccessBlock().disabledSettings());
        assertEquals("arn:aws:s3:::b", bucket.arn());
    }

    private static NetworkAttachment attachment(String id, List<String> groups) {
        return new NetworkAttachment(id, "eu-west-1", groups, Optional.empty(), List.of(), Optional.empty(), "interface", "");
    }
}
