package io.cloudward.checks.iam;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.collect.snapshot.CredentialReportRow;
import io.cloudward.collect.snapshot.RootCredentials;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Root should be locked away for the few tasks that need it; recent use means it is part of daily work or stolen. */
public final class RootNotUsedRecently extends AbstractCheck<RootCredentials> {

    public RootNotUsedRecently() {
        super(RootCredentials.class);
    }

    @Override
    public CheckResult evaluate(RootCredentials root, CheckContext context) {
        CredentialReportRow row = root.row();
        int windowDays = context.thresholds().rootUsageWindowDays();
        Instant since = context.now().minus(Duration.ofDays(windowDays));
        List<Map.Entry<String, Instant>> uses = new ArrayList<>();
        row.passwordLastUsed().ifPresent(t -> uses.add(Map.entry("signed in to the console", t)));
        for (CredentialReportRow.AccessKey key : row.accessKeys()) {
            key.lastUsed().ifPresent(t -> uses.add(Map.entry("used access key " + key.slot(), t)));
        }
        List<Map.Entry<String, Instant>> recent = uses.stream().filter(use -> use.getValue().isAfter(since))
                .sorted(Map.Entry.<String, Instant>comparingByValue(Comparator.reverseOrder())).toList();
        var evidence = Evidence.with("passwordLastUsed", row.passwordLastUsed())
                .and("accessKey1LastUsed", row.accessKey1().lastUsed()).and("accessKey2LastUsed", row.accessKey2().lastUsed())
                .and("windowDays", windowDays).build();
        var resource = IamResources.root(row, context.accountId());
        if (recent.isEmpty()) {
            return pass(resource, "The root user of account " + context.accountId() + " has not been used in the last "
                    + windowDays + " days.", evidence);
        }
        List<String> described = recent.stream().map(use -> use.getKey() + " on " + Phrases.minute(use.getValue())
                + " (" + Phrases.ago(use.getValue(), context.now()) + ")").toList();
        return fail(resource, "The root user of account " + context.accountId() + " " + Phrases.list(described, 3)
                + ". Confirm who did it and why; use IAM users or roles for daily work and keep root for the few "
                + "tasks that require it.", evidence);
    }
}
