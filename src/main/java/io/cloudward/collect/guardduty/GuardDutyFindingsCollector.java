package io.cloudward.collect.guardduty;

import io.cloudward.collect.AwsSourceCollector;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceRun;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.Condition;
import software.amazon.awssdk.services.guardduty.model.Finding;
import software.amazon.awssdk.services.guardduty.model.FindingCriteria;
import software.amazon.awssdk.services.guardduty.model.ListFindingsResponse;
import software.amazon.awssdk.services.guardduty.model.OrderBy;
import software.amazon.awssdk.services.guardduty.model.SortCriteria;

/**
 * GuardDuty findings updated after the watermark (all of them, archived included, the first time), oldest
 * update first, 50 ids per ListFindings page and one GetFindings per page: memory holds one page.
 *
 * <p>GuardDuty updates the same finding id when it sees the activity again, so {@code updatedAt} is the
 * watermark; the comparison is strict so the finding the last run ended on does not come back unchanged.
 */
public final class GuardDutyFindingsCollector extends AwsSourceCollector {

    private static final int PAGE = 50;
    private static final SortCriteria OLDEST_UPDATE_FIRST = SortCriteria.builder().attributeName("updatedAt")
            .orderBy(OrderBy.ASC).build();

    @Override
    public Source source() {
        return Source.GUARDDUTY_FINDINGS;
    }

    @Override
    protected void collect(SourceRun run, FactSink sink) {
        GuardDutyClient guardDuty = run.clients().guardDuty(run.sdkRegion());
        List<String> detectors = run.call("guardduty:ListDetectors", () -> guardDuty.listDetectors().detectorIds());
        if (detectors.isEmpty()) {
            return;
        }
        String detectorId = detectors.getFirst();
        FindingCriteria criteria = run.target().watermark()
                .map(mark -> FindingCriteria.builder().criterion(Map.of("updatedAt",
                        Condition.builder().greaterThan(mark.toEpochMilli()).build())).build())
                .orElse(null);
        String token = null;
        do {
            String pageToken = token;
            ListFindingsResponse page = run.call("guardduty:ListFindings", () -> guardDuty.listFindings(request -> request
                    .detectorId(detectorId).findingCriteria(criteria).sortCriteria(OLDEST_UPDATE_FIRST).maxResults(PAGE)
                    .nextToken(pageToken)));
            if (!page.findingIds().isEmpty()) {
                List<Finding> findings = run.call("guardduty:GetFindings", () -> guardDuty.getFindings(request -> request
                        .detectorId(detectorId).findingIds(page.findingIds()).sortCriteria(OLDEST_UPDATE_FIRST)))
                        .findings();
                for (Finding finding : findings) {
                    GuardDutyFindingFacts facts = FindingMapper.facts(finding);
                    sink.guardDutyFinding(facts);
                    run.advanceWatermark(facts.updatedAt());
                }
                run.seen(findings.size());
            }
            token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (token != null);
    }
}
