package io.cloudward.events;

/** The Kafka topics Cloudward publishes (documented with their JSON schemas in README). */
public final class Topics {
    public static final String FINDINGS = "cloudward.findings";
    public static final String INCIDENTS = "cloudward.incidents";
    public static final String SCORES = "cloudward.scores";
    public static final String RUNS = "cloudward.runs";

    private Topics() {
    }
}
