package io.cloudward.checks.cloudtrail;

import io.cloudward.checks.Fixtures;
import io.cloudward.collect.snapshot.BucketFacts;
import io.cloudward.collect.snapshot.TrailFacts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A healthy multi-region trail by default; each method breaks one thing. */
final class TrailBuilder {

    private final String name;
    private boolean multiRegion = true;
    private boolean logging = true;
    private boolean validation = true;
    private Optional<String> kmsKeyId = Optional.of("arn:aws:kms:us-east-1:123456789012:key/abcd");
    private Optional<Instant> delivered = Optional.of(Fixtures.hoursAgo(1));
    private Optional<String> deliveryError = Optional.empty();
    private Optional<Instant> stopped = Optional.empty();
    private TrailFacts.Selectors selectors = TrailFacts.Selectors.basic(new TrailFacts.EventSelector("All", true, List.of()));
    private Optional<BucketFacts> logBucket = Optional.empty();

    private TrailBuilder(String name) {
        this.name = name;
    }

    static TrailBuilder trail(String name) {
        return new TrailBuilder(name);
    }

    TrailBuilder singleRegion() {
        multiRegion = false;
        return this;
    }

    TrailBuilder stoppedAt(Instant when) {
        logging = false;
        stopped = Optional.of(when);
        return this;
    }

    TrailBuilder notLogging() {
        logging = false;
        return this;
    }

    TrailBuilder withoutValidation() {
        validation = false;
        return this;
    }

    TrailBuilder withoutKms() {
        kmsKeyId = Optional.empty();
        return this;
    }

    TrailBuilder deliveredAt(Optional<Instant> when) {
        delivered = when;
        return this;
    }

    TrailBuilder deliveryError(String error) {
        deliveryError = Optional.of(error);
        return this;
    }

    TrailBuilder selectors(TrailFacts.Selectors newSelectors) {
        selectors = newSelectors;
        return this;
    }

    TrailBuilder logBucket(BucketFacts bucket) {
        logBucket = Optional.of(bucket);
        return this;
    }

    TrailFacts build() {
        return new TrailFacts(name, "arn:aws:cloudtrail:us-east-1:123456789012:trail/" + name, "us-east-1", multiRegion,
                false, true, validation, kmsKeyId, "trail-logs-123", new TrailFacts.Status(logging, delivered, deliveryError, stopped),
                selectors, logBucket);
    }
}
