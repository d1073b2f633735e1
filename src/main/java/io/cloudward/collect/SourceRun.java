package io.cloudward.collect;

import io.cloudward.aws.AccountClients;
import io.cloudward.aws.AwsFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/**
 * One collection of one source in progress: makes its AWS calls, counts calls and items, moves the
 * watermark and remembers the first failure a collector chose to carry on after (which makes it PARTIAL).
 * Used by one thread.
 */
public final class SourceRun {

    private final Source source;
    private final CollectTarget target;
    private final long startNanos = System.nanoTime();
    private int apiCalls;
    private long itemsSeen;
    private Instant watermark;
    private AwsFailure partial;

    SourceRun(Source source, CollectTarget target) {
        this.source = source;
        this.target = target;
        this.watermark = target.watermark().orElse(null);
    }

    public CollectTarget target() {
        return target;
    }

    public String accountId() {
        return target.accountId();
    }

    /** The region name facts carry (us-east-1 for global sources' regional resources is up to the collector). */
    public String region() {
        return target.region();
    }

    public Region sdkRegion() {
        return target.sdkRegion();
    }

    public AccountClients clients() {
        return target.clients();
    }

    public Instant now() {
        return target.clock().instant();
    }

    /**
     * Calls AWS as {@code action}. A failure propagates and ends the source unless the collector catches it
     * and records it with {@link #partial}.
     *
     * @throws IllegalStateException when {@code action} is not one of this source's capabilities: the
     *                               onboarding role would not grant it
     */
    public <T> T call(String action, Supplier<T> call) {
        if (!source.calls(action)) {
            throw new IllegalStateException(source + " calls " + action + ", which CollectorPermissions does not list for "
                    + source.capabilities());
        }
        apiCalls++;
        try {
            return target.clients().call(target.sdkRegion().id(), action, call);
        } catch (SdkException e) {
            throw new AwsCallFailed(action, AwsFailure.of(e, action), e);
        }
    }

    /** Records a failure the collector carried on after: the outcome becomes PARTIAL and names the first. */
    public void partial(AwsCallFailed failed) {
        if (partial == null) {
            partial = failed.failure();
        }
    }

    /**
     * Like {@link #call} for a call whose "not configured" answer is a fact: when AWS answers one of
     * {@code absentCodes} (e.g. NoSuchBucketPolicy) it answers empty.
     */
    public <T> Optional<T> optional(String action, Set<String> absentCodes, Supplier<T> call) {
        try {
            return Optional.of(call(action, call));
        } catch (AwsCallFailed failed) {
            if (absentCodes.contains(failed.failure().code())) {
                return Optional.empty();
            }
            throw failed;
        }
    }

    /**
     * Walks a paginated listing page by page, handing each item to {@code each} and counting it as seen:
     * one page in memory at a time.
     *
     * @param call  fetches the page after {@code token} ({@code null} for the first)
     * @param items the page's items
     * @param next  the page's next token, {@code null} or empty on the last page
     */
    public <R, T> void pages(String action, Function<String, R> call, Function<R, List<T>> items,
                             Function<R, String> next, Consumer<T> each) {
        String token = null;
        do {
            String pageToken = token;
            R page = call(action, () -> call.apply(pageToken));
            List<T> found = items.apply(page);
            found.forEach(each);
            seen(found.size());
            token = next.apply(page);
        } while (token != null && !token.isEmpty());
    }

    public void seen(long items) {
        itemsSeen += items;
    }

    /** Moves the watermark forward to {@code mark} when it is later than the current one. */
    public void advanceWatermark(Instant mark) {
        if (watermark == null || mark.isAfter(watermark)) {
            watermark = mark;
        }
    }

    SourceOutcome finished() {
        if (partial == null) {
            return outcome(SourceOutcome.Status.OK, Optional.empty(), Optional.empty(), "", Optional.ofNullable(watermark));
        }
        return outcome(SourceOutcome.Status.PARTIAL, Optional.of(partial.code()), partial.action(),
                "Some items could not be read: " + sentence(partial), Optional.ofNullable(watermark));
    }

    SourceOutcome failed(AwsFailure failure) {
        SourceOutcome.Status status = switch (failure.kind()) {
            case ACCESS_DENIED -> SourceOutcome.Status.ACCESS_DENIED;
            case THROTTLED -> SourceOutcome.Status.THROTTLED;
            case REGION_DISABLED -> SourceOutcome.Status.REGION_DISABLED;
            case EXPIRED_SESSION, TIMEOUT, ERROR -> SourceOutcome.Status.ERROR;
        };
        return outcome(status, Optional.of(failure.code()), failure.action(), sentence(failure), target.watermark());
    }

    private SourceOutcome outcome(SourceOutcome.Status status, Optional<String> code, Optional<String> action,
                                  String message, Optional<Instant> mark) {
        return new SourceOutcome(source, target.region(), status, code, action, message, apiCalls, itemsSeen,
                Duration.ofNanos(System.nanoTime() - startNanos), mark);
    }

    private String sentence(AwsFailure failure) {
        String where = " (" + source + " in " + target.region() + " of account " + target.accountId() + ")";
        return switch (failure.kind()) {
            case ACCESS_DENIED -> "The Cloudward role may not call " + failure.action().orElse("?") + where
                    + ": add it to the role's policy (AWS said " + failure.code() + ").";
            case THROTTLED -> "AWS kept throttling the calls after retries" + where + ": " + failure.code() + ".";
            case REGION_DISABLED -> "Region " + target.region() + " is not enabled in account " + target.accountId()
                    + " (AWS answered " + failure.code() + "); enable it or leave it out of the covered regions.";
            case TIMEOUT -> "AWS did not answer in time" + where + ".";
            case EXPIRED_SESSION, ERROR -> "AWS answered " + failure.code() + where + ": " + failure.message();
        };
    }
}
