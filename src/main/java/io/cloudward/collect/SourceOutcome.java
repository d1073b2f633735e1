package io.cloudward.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one source ended for one account × region: what users see per run, and what the scheduler keeps.
 *
 * <p>Facts streamed before a failure are true but incomplete: only an {@link Status#OK} outcome lets the
 * store resolve findings whose resources were not seen again.
 *
 * @param source       the source
 * @param region       the region, or {@code global}
 * @param status       how it ended
 * @param errorCode    AWS's error code for anything but OK (e.g. {@code UnauthorizedOperation}, {@code ThrottlingException})
 * @param deniedAction the IAM action refused, for ACCESS_DENIED (and PARTIAL when a refusal caused it)
 * @param message      a sentence for a person; empty when OK
 * @param apiCalls     AWS calls the source made (SDK retries not counted)
 * @param itemsSeen    resources, findings or events seen
 * @param duration     wall time
 * @param watermark    for incremental sources, where the next run starts; unchanged (the given one) when
 *                     nothing new was seen or the run failed
 */
public record SourceOutcome(Source source, String region, Status status, Optional<String> errorCode,
                            Optional<String> deniedAction, String message, int apiCalls, long itemsSeen,
                            Duration duration, Optional<Instant> watermark) {

    public enum Status { OK, PARTIAL, ACCESS_DENIED, THROTTLED, REGION_DISABLED, ERROR }

    public SourceOutcome {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(deniedAction, "deniedAction");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(watermark, "watermark");
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
