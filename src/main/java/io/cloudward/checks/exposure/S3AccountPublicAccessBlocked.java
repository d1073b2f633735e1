package io.cloudward.checks.exposure;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.AccountPublicAccessBlock;

import java.util.List;

/** Account-wide Block Public Access stops any bucket, present or future, from being made public by mistake. */
public final class S3AccountPublicAccessBlocked extends AbstractCheck<AccountPublicAccessBlock> {

    public S3AccountPublicAccessBlocked() {
        super(AccountPublicAccessBlock.class);
    }

    @Override
    public CheckResult evaluate(AccountPublicAccessBlock facts, CheckContext context) {
        ResourceRef resource = ResourceRef.account(context.accountId());
        if (facts.flags().isEmpty()) {
            return fail(resource, "Account " + context.accountId() + " has no S3 Block Public Access configuration, so "
                    + "any bucket can be made public by a single policy or ACL change. Turn on all four Block Public "
                    + "Access settings for the account.", Evidence.with("configured", false).build());
        }
        List<String> off = facts.flags().get().disabledSettings();
        var evidence = Evidence.with("configured", true).and("disabledSettings", off).build();
        if (off.isEmpty()) {
            return pass(resource, "Account " + context.accountId() + " blocks S3 public access with all four settings.", evidence);
        }
        return fail(resource, "Account " + context.accountId() + " has S3 Block Public Access settings "
                + Phrases.list(off, 4) + " turned off. Turn on all four settings for the account.", evidence);
    }
}
