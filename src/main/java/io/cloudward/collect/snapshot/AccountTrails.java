package io.cloudward.collect.snapshot;

import java.util.List;

/** Every trail of the account (each ARN once), for account-wide questions such as "a multi-region trail logs". */
public record AccountTrails(List<TrailFacts> trails) {

    public AccountTrails {
        trails = Facts.list(trails, "trails");
        if (trails.stream().map(TrailFacts::arn).distinct().count() != trails.size()) {
            throw new IllegalArgumentException("Trails must be listed once per ARN; drop shadow trails");
        }
    }
}
