package io.cloudward.checks.exposure;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.EbsEncryptionDefaults;

/** With encryption by default, no new volume or snapshot in the region can be created unencrypted by accident. */
public final class EbsEncryptionByDefaultEnabled extends AbstractCheck<EbsEncryptionDefaults> {

    public EbsEncryptionByDefaultEnabled() {
        super(EbsEncryptionDefaults.class);
    }

    @Override
    public CheckResult evaluate(EbsEncryptionDefaults facts, CheckContext context) {
        ResourceRef resource = ResourceRef.accountRegion(context.accountId(), facts.region());
        var evidence = Evidence.with("encryptionByDefault", facts.enabled()).and("kmsKeyId", facts.kmsKeyId()).build();
        if (facts.enabled()) {
            return pass(resource, "EBS encryption by default is on in " + facts.region()
                    + facts.kmsKeyId().map(key -> " (key " + key + ")").orElse("") + ".", evidence);
        }
        return fail(resource, "EBS encryption by default is off in " + facts.region() + " of account "
                + context.accountId() + ": new volumes and their snapshots can be created unencrypted. Turn on EBS "
                + "encryption by default in the EC2 settings of " + facts.region() + ".", evidence);
    }
}
