package io.cloudward.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code cloudward.scores.*} settings (the model's own numbers are in {@value ScoreWeights#RESOURCE}). */
@ConfigMapping(prefix = "cloudward.scores")
public interface ScoreConfig {

    /** A change of an account's score by at least this many points (from the last announced score) is an event. */
    @WithDefault("10")
    int changeThreshold();

    /** Snapshots older than this many days are deleted. */
    @WithDefault("90")
    int retentionDays();

    /** How often every tenant's snapshot of the day is refreshed ({@code off} disables the job). */
    @WithDefault("1h")
    String snapshotEvery();
}
