package io.cloudward.collect;

import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import io.cloudward.collect.cloudtrail.TrailEventFacts;

/**
 * Where collectors stream what they find, page by page, as they find it: nothing waits for a whole
 * listing. Called from the collecting thread; an implementation shared by concurrent sources must be
 * thread-safe.
 */
public interface FactSink {

    /** A snapshot record a check takes (its type routes it, see {@code CheckRegistry#checksFor}). */
    void snapshot(Object fact);

    /** A GuardDuty finding, new or updated since the watermark; GuardDuty has judged it already. */
    void guardDutyFinding(GuardDutyFindingFacts finding);

    /** A CloudTrail event that carries at least one signal (watched event, root activity, login without MFA). */
    void trailEvent(TrailEventFacts event);
}
