package io.cloudward.checks.config;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.AccountConfigRecorders;
import io.cloudward.collect.snapshot.ConfigRecorderFacts;

import java.util.List;

/**
 * Global resources (IAM users, roles, policies) are recorded by at least one recording recorder. AWS advises
 * recording them in one region only, to avoid duplicate items, so this is judged for the account as a whole.
 */
public final class ConfigRecordsGlobalResourceTypes extends AbstractCheck<AccountConfigRecorders> {

    public ConfigRecordsGlobalResourceTypes() {
        super(AccountConfigRecorders.class);
    }

    @Override
    public CheckResult evaluate(AccountConfigRecorders facts, CheckContext context) {
        ResourceRef resource = ResourceRef.account(context.accountId());
        List<String> recordingGlobal = facts.regions().stream()
                .filter(region -> region.recorder().filter(r -> r.recording() && r.includeGlobalResourceTypes()).isPresent())
                .map(ConfigRecorderFacts::region).sorted().toList();
        var evidence = Evidence.with("regionsRecordingGlobalResources", recordingGlobal)
                .and("regions", facts.regions().stream().map(ConfigRecorderFacts::region).sorted().toList()).build();
        if (!recordingGlobal.isEmpty()) {
            return pass(resource, "AWS Config records global resources such as IAM users, roles and policies in "
                    + String.join(", ", recordingGlobal) + ".", evidence);
        }
        return fail(resource, "No recording AWS Config recorder of account " + context.accountId() + " includes global "
                + "resource types, so changes to IAM users, roles and policies leave no configuration history. "
                + "Turn on \"Include global resource types\" on the recorder of one region.", evidence);
    }
}
